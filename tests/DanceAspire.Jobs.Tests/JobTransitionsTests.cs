using DanceAspire.Data.Jobs;
using DanceAspire.Dispatcher.Transitions;
using static DanceAspire.Dispatcher.Transitions.JobAction;
using static DanceAspire.Dispatcher.Transitions.JobSignal;

namespace DanceAspire.Jobs.Tests;

public sealed class JobTransitionsTests
{
    private const string Worker = "worker-a/1";
    private const string OtherWorker = "worker-b/2";

    private static readonly JobSnapshot Pending = new(JobStates.Pending, 0, null, false, HandedOut: true, Failures: 0, MaxAttempts: 3);
    private static readonly JobSnapshot Queued = new(JobStates.Queued, 1, null, false, HandedOut: true, Failures: 0, MaxAttempts: 3);
    private static readonly JobSnapshot Running = new(JobStates.Running, 1, Worker, false, HandedOut: true, Failures: 0, MaxAttempts: 3);

    private static JobDecision Decide(JobSnapshot job, JobSignal signal, int attempt = 1, string? worker = Worker, bool retryable = true) =>
        JobTransitions.Decide(job, signal, attempt, worker, retryable);

    [Fact]
    public void A_queued_attempt_starts_when_its_worker_reports_it_started()
    {
        Assert.Equal(new JobDecision(Start), Decide(Queued, Started));
        Assert.Equal(JobStates.Running, Decide(Queued, Started).NewState);
    }

    [Theory]
    [InlineData(Heartbeat)]
    [InlineData(Progress)]
    public void A_queued_attempt_whose_started_event_was_lost_starts_on_its_first_heartbeat_or_progress(JobSignal signal)
    {
        Assert.Equal(new JobDecision(Start), Decide(Queued, signal));
    }

    [Theory]
    [InlineData(Started)]
    [InlineData(Heartbeat)]
    [InlineData(Progress)]
    public void A_running_attempt_renews_its_lease_on_any_sign_of_life_from_its_worker(JobSignal signal)
    {
        Assert.Equal(new JobDecision(Renew), Decide(Running, signal));
        Assert.Null(Decide(Running, signal).NewState);
    }

    [Fact]
    public void Success_is_recorded_for_the_current_attempt_even_if_its_started_event_was_lost()
    {
        Assert.Equal(new JobDecision(Succeed), Decide(Running, Succeeded));
        Assert.Equal(new JobDecision(Succeed), Decide(Queued, Succeeded));
        Assert.False(Decide(Running, Succeeded).Refunds);
    }

    [Theory]
    [InlineData(Started)]
    [InlineData(Heartbeat)]
    [InlineData(Progress)]
    public void Another_worker_running_the_same_attempt_is_a_duplicate_and_is_told_to_stop(JobSignal signal)
    {
        Assert.Equal(new JobDecision(Ignore, StopWorker: true), Decide(Running, signal, worker: OtherWorker));
    }

    [Theory]
    [InlineData(Succeeded)]
    [InlineData(Failed)]
    [InlineData(Canceled)]
    [InlineData(Released)]
    public void A_duplicate_workers_outcome_changes_nothing(JobSignal signal)
    {
        Assert.Equal(JobDecision.Ignore, Decide(Running, signal, worker: OtherWorker));
    }

    [Theory]
    [InlineData(Started, true)]
    [InlineData(Progress, true)]
    [InlineData(Succeeded, false)]
    [InlineData(Failed, false)]
    public void Events_of_an_earlier_attempt_change_nothing_and_a_worker_still_on_it_is_stopped(JobSignal signal, bool stop)
    {
        var retried = Running with { Attempt = 2 };

        Assert.Equal(new JobDecision(Ignore, StopWorker: stop), Decide(retried, signal, attempt: 1));
    }

    [Theory]
    [InlineData(JobStates.Succeeded)]
    [InlineData(JobStates.Failed)]
    [InlineData(JobStates.Dead)]
    [InlineData(JobStates.Canceled)]
    public void A_finished_job_never_changes_again(string state)
    {
        var finished = Running with { State = state };

        Assert.All(Enum.GetValues<JobSignal>().Where(s => s != CancelRequested), signal => Assert.Equal(Ignore, Decide(finished, signal).Action));
        Assert.Equal(JobDecision.Ignore, Decide(finished, CancelRequested));
        // A worker that took a copy of the finished job's attempt is told to drop it.
        Assert.True(Decide(finished, Started).StopWorker);
    }

    [Fact]
    public void A_retry_waiting_out_its_backoff_was_handed_to_nobody_so_events_for_it_are_stale()
    {
        var waiting = Queued with { Attempt = 2, HandedOut = false };

        Assert.Equal(new JobDecision(Ignore, StopWorker: true), Decide(waiting, Started, attempt: 2));
        Assert.Equal(JobDecision.Ignore, Decide(waiting, Succeeded, attempt: 2));
    }

    [Theory]
    [InlineData(0, Retry)]
    [InlineData(1, Retry)]
    [InlineData(2, Die)]
    public void A_failure_is_retried_until_the_last_allowed_attempt_then_the_job_dies(int earlierFailures, JobAction expected)
    {
        var job = Running with { Failures = earlierFailures };

        Assert.Equal(new JobDecision(expected), Decide(job, Failed));
        Assert.Equal(expected == Die, Decide(job, Failed).Refunds);
    }

    [Fact]
    public void A_failure_the_worker_calls_permanent_fails_the_job_at_once_and_refunds_it()
    {
        var decision = Decide(Running, Failed, retryable: false);

        Assert.Equal(new JobDecision(Fail), decision);
        Assert.Equal(JobStates.Failed, decision.NewState);
        Assert.True(decision.Refunds);
    }

    [Theory]
    [InlineData(0, Retry)]
    [InlineData(2, Die)]
    public void An_expired_lease_counts_as_a_failure(int earlierFailures, JobAction expected)
    {
        Assert.Equal(new JobDecision(expected), Decide(Running with { Failures = earlierFailures }, LeaseExpired));
        Assert.Equal(AttemptOutcomes.Lost, JobTransitions.AttemptOutcome(expected, LeaseExpired));
    }

    [Fact]
    public void A_released_attempt_is_queued_again_without_counting_as_a_failure()
    {
        Assert.Equal(new JobDecision(Requeue), Decide(Running with { Failures = 2 }, Released));
        Assert.Equal(AttemptOutcomes.Released, JobTransitions.AttemptOutcome(Requeue, Released));
    }

    [Theory]
    [InlineData(JobStates.Pending)]
    [InlineData(JobStates.Queued)]
    public void A_cancel_request_cancels_a_job_that_is_not_running_yet_at_once(string state)
    {
        var job = (state == JobStates.Pending ? Pending : Queued) with { CancelRequested = true };

        var decision = Decide(job, CancelRequested, attempt: job.Attempt, worker: null);

        Assert.Equal(new JobDecision(Cancel), decision);
        Assert.True(decision.Refunds);
    }

    [Fact]
    public void A_cancel_request_for_a_running_job_stops_its_worker_and_waits_for_it()
    {
        Assert.Equal(new JobDecision(Ignore, StopWorker: true), Decide(Running with { CancelRequested = true }, CancelRequested, worker: null));
    }

    [Theory]
    [InlineData(Canceled)]
    [InlineData(Released)]
    [InlineData(Failed)]
    [InlineData(LeaseExpired)]
    public void Once_a_cancel_is_asked_for_the_attempts_end_cancels_the_job_however_it_ended(JobSignal signal)
    {
        var decision = Decide(Running with { CancelRequested = true }, signal);

        Assert.Equal(Cancel, decision.Action);
        Assert.Equal(AttemptOutcomes.Canceled, JobTransitions.AttemptOutcome(decision.Action, signal));
    }

    [Fact]
    public void A_job_canceled_before_its_worker_started_it_is_canceled_and_the_worker_stopped()
    {
        Assert.Equal(new JobDecision(Cancel, StopWorker: true), Decide(Queued with { CancelRequested = true }, Started));
    }

    [Fact]
    public void Success_wins_over_a_late_cancel_request_the_work_is_done()
    {
        Assert.Equal(new JobDecision(Succeed), Decide(Running with { CancelRequested = true }, Succeeded));
    }

    [Fact]
    public void A_worker_that_stops_without_a_cancel_request_has_its_attempt_queued_again()
    {
        Assert.Equal(new JobDecision(Requeue), Decide(Running, Canceled));
    }
}
