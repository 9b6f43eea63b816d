using DanceAspire.Data.Jobs;
using DanceAspire.Dispatcher.Transitions;

namespace DanceAspire.Jobs.Tests;

public sealed class TransitionPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Now.AddTicks(10);
    private static readonly JobKindOptions Policy = new() { LeaseSeconds = 15, RetryBaseSeconds = 2, RetryMaxSeconds = 60 };
    private const string Worker = "w/1";

    private static readonly JobRow Queued = new(
        Guid.NewGuid(), "analysis", JobStates.Queued, Attempt: 1, MaxAttempts: 3, Failures: 0, CancelRequested: false, WorkerId: null,
        LeaseExpiresAt: null, NotBefore: null, Progress: 0, Stage: null, Result: null, Error: null,
        StartedAt: null, FinishedAt: null, UpdatedAt: Now.AddSeconds(-5));

    private static readonly JobRow Running = Queued with
    {
        State = JobStates.Running, WorkerId = Worker, LeaseExpiresAt = Now.AddSeconds(3), StartedAt = Now.AddSeconds(-10), Progress = 0.4, Stage = "pose",
    };

    private static readonly AttemptRow QueuedAttempt = new(1, null, Now.AddSeconds(-11), null, null, null, null);
    private static readonly AttemptRow RunningAttempt = QueuedAttempt with { WorkerId = Worker, StartedAt = Now.AddSeconds(-10) };

    private static TransitionPlan Plan(JobRow job, AttemptRow attempt, JobSignal signal, JobChange? change = null, double random = 0.5)
    {
        change ??= new JobChange(signal, job.Attempt, Worker);
        var decision = JobTransitions.Decide(job.Snapshot, change.Signal, change.Attempt, change.WorkerId, change.Retryable);
        return TransitionPlan.For(job, attempt, decision, change, Now, Later, Policy, random);
    }

    [Fact]
    public void Starting_gives_the_worker_the_job_and_a_lease_and_records_when_the_attempt_began()
    {
        var plan = Plan(Queued, QueuedAttempt, JobSignal.Started);

        Assert.Equal(JobStates.Running, plan.Job.State);
        Assert.Equal(Worker, plan.Job.WorkerId);
        Assert.Equal(Now.AddSeconds(15), plan.Job.LeaseExpiresAt);
        Assert.Equal(Now, plan.Job.StartedAt);
        Assert.Equal(Later, plan.Job.UpdatedAt);
        Assert.Equal(QueuedAttempt with { WorkerId = Worker, StartedAt = Now }, plan.Attempt);
        Assert.True(plan.Publish);
    }

    [Fact]
    public void A_heartbeat_only_extends_the_lease_and_is_not_worth_an_update()
    {
        var plan = Plan(Running, RunningAttempt, JobSignal.Heartbeat);

        Assert.Equal(Running with { LeaseExpiresAt = Now.AddSeconds(15) }, plan.Job);
        Assert.Null(plan.Attempt);
        Assert.False(plan.Publish);
    }

    [Fact]
    public void Progress_is_recorded_clamped_with_its_stage()
    {
        var plan = Plan(Running, RunningAttempt, JobSignal.Progress, new JobChange(JobSignal.Progress, 1, Worker, Progress: 1.7, Stage: "overlay"));

        Assert.Equal((1.0, "overlay"), (plan.Job.Progress, plan.Job.Stage));
        Assert.Equal(Later, plan.Job.UpdatedAt);
        Assert.True(plan.Publish);
    }

    [Fact]
    public void Success_writes_the_result_once_with_full_progress_and_closes_the_attempt()
    {
        var plan = Plan(Running with { Error = "earlier attempt's error" }, RunningAttempt, JobSignal.Succeeded,
            new JobChange(JobSignal.Succeeded, 1, Worker, Result: """{"ok":true}"""));

        Assert.Equal(JobStates.Succeeded, plan.Job.State);
        Assert.Equal("""{"ok":true}""", plan.Job.Result);
        Assert.Equal((1.0, null as string, null as DateTimeOffset?, Now as DateTimeOffset?), (plan.Job.Progress, plan.Job.Error, plan.Job.LeaseExpiresAt, plan.Job.FinishedAt));
        Assert.Equal(RunningAttempt with { Outcome = AttemptOutcomes.Succeeded, FinishedAt = Now }, plan.Attempt);
        Assert.Null(plan.NextAttempt);
    }

    [Fact]
    public void A_retry_queues_the_next_attempt_after_its_backoff_and_keeps_the_error()
    {
        var plan = Plan(Running, RunningAttempt, JobSignal.Failed, new JobChange(JobSignal.Failed, 1, Worker, Error: "boom"), random: 0);

        Assert.Equal(JobStates.Queued, plan.Job.State);
        Assert.Equal(2, plan.Job.Attempt);
        Assert.Equal(Now.AddSeconds(1), plan.Job.NotBefore);
        Assert.Equal((null as string, null as DateTimeOffset?, 0.0, null as string, "boom"), (plan.Job.WorkerId, plan.Job.LeaseExpiresAt, plan.Job.Progress, plan.Job.Stage, plan.Job.Error));
        Assert.Equal(RunningAttempt with { Outcome = AttemptOutcomes.Failed, Error = "boom", FinishedAt = Now }, plan.Attempt);
        Assert.Equal(new AttemptRow(2, null, Now, null, null, null, null), plan.NextAttempt);
        Assert.Equal(1, plan.Job.Failures);
    }

    [Fact]
    public void The_backoff_grows_with_the_failures_so_far()
    {
        var plan = Plan(Running with { Failures = 1 }, RunningAttempt, JobSignal.Failed, random: 0);

        Assert.Equal(Now.AddSeconds(2), plan.Job.NotBefore);
    }

    [Fact]
    public void A_released_attempt_is_queued_again_at_once()
    {
        var plan = Plan(Running, RunningAttempt, JobSignal.Released);

        Assert.Equal((JobStates.Queued, 2, Now as DateTimeOffset?), (plan.Job.State, plan.Job.Attempt, plan.Job.NotBefore));
        Assert.Equal(AttemptOutcomes.Released, plan.Attempt!.Outcome);
        Assert.Equal(0, plan.Job.Failures);
    }

    [Fact]
    public void A_lost_attempt_keeps_the_worker_that_lost_it_in_its_history()
    {
        var change = new JobChange(JobSignal.LeaseExpired, 1, Worker, Error: "no heartbeat");
        var plan = Plan(Running with { Failures = 2 }, RunningAttempt, JobSignal.LeaseExpired, change);

        Assert.Equal((JobStates.Dead, "no heartbeat"), (plan.Job.State, plan.Job.Error));
        Assert.Equal(RunningAttempt with { Outcome = AttemptOutcomes.Lost, Error = "no heartbeat", FinishedAt = Now }, plan.Attempt);
    }

    [Fact]
    public void A_job_canceled_while_queued_has_an_attempt_that_never_started()
    {
        var job = Queued with { CancelRequested = true };
        var plan = Plan(job, QueuedAttempt, JobSignal.CancelRequested, new JobChange(JobSignal.CancelRequested, 1, null));

        Assert.Equal((JobStates.Canceled, Now as DateTimeOffset?), (plan.Job.State, plan.Job.FinishedAt));
        Assert.Equal(QueuedAttempt with { Outcome = AttemptOutcomes.Canceled, FinishedAt = Now }, plan.Attempt);
    }

    [Fact]
    public void A_pending_job_canceled_before_any_attempt_has_no_attempt_to_close()
    {
        var pending = Queued with { State = JobStates.Pending, Attempt = 0, CancelRequested = true };
        var decision = JobTransitions.Decide(pending.Snapshot, JobSignal.CancelRequested, 0, null);

        var plan = TransitionPlan.For(pending, null, decision, new JobChange(JobSignal.CancelRequested, 0, null), Now, Later, Policy, 0.5);

        Assert.Equal(JobStates.Canceled, plan.Job.State);
        Assert.Null(plan.Attempt);
    }
}
