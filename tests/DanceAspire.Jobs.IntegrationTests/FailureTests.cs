using DanceAspire.Data.Accounts;
using DanceAspire.Data.Jobs;
using DanceAspire.TestWorker;

namespace DanceAspire.Jobs.IntegrationTests;

[Collection(JobStackCollection.Name)]
public sealed class FailureTests(JobStackFixture fixture)
{
    private JobSubmitter Jobs => fixture.Stack.Jobs;

    [Fact]
    public async Task A_job_that_always_fails_ends_dead_after_its_attempts_with_their_errors_and_its_charge_refunded()
    {
        var user = await Jobs.CreateUserAsync(coins: 100);
        var id = await Jobs.SubmitAsync(user, EchoHandler.JobKind, new EchoPayload(AlwaysFail: true), cost: 7, maxAttempts: 3);

        var job = await Jobs.WaitForAsync(id, j => JobStates.IsFinal(j.State), TimeSpan.FromSeconds(60), "to a final state");

        Assert.Equal(JobStates.Dead, job.State);
        Assert.Contains("fails attempt 3 on purpose", job.Error);
        Assert.Equal([1, 2, 3], job.Attempts.Select(a => a.Number));
        Assert.All(job.Attempts, attempt =>
        {
            Assert.Equal(AttemptOutcomes.Failed, attempt.Outcome);
            Assert.Contains($"fails attempt {attempt.Number} on purpose", attempt.Error);
            Assert.NotNull(attempt.WorkerId);
            Assert.True(attempt.StartedAt <= attempt.FinishedAt);
        });
        // Each retry waited out its backoff: at least half of 0.2 s, then of 0.4 s.
        Assert.True(job.Attempts[1].StartedAt - job.Attempts[0].FinishedAt >= TimeSpan.FromSeconds(0.1));
        Assert.True(job.Attempts[2].StartedAt - job.Attempts[1].FinishedAt >= TimeSpan.FromSeconds(0.2));
        var ledger = await Jobs.LedgerOfAsync(id);
        Assert.Equal([(CoinTransactionKinds.Charge, -7), (CoinTransactionKinds.Refund, 7)], ledger.Select(t => (t.Kind, t.Amount)));
        Assert.Equal(100, await Jobs.BalanceAsync(user));
    }

    [Fact]
    public async Task A_job_that_fails_twice_succeeds_on_its_third_attempt_and_keeps_its_charge()
    {
        var user = await Jobs.CreateUserAsync(coins: 100);
        var id = await Jobs.SubmitAsync(user, EchoHandler.JobKind, new EchoPayload(FailAttempts: 2, Result: "third time"), cost: 4, maxAttempts: 3);

        var job = await Jobs.WaitForAsync(id, j => JobStates.IsFinal(j.State), TimeSpan.FromSeconds(60), "to a final state");

        Assert.Equal(JobStates.Succeeded, job.State);
        Assert.Equal([AttemptOutcomes.Failed, AttemptOutcomes.Failed, AttemptOutcomes.Succeeded], job.Attempts.Select(a => a.Outcome));
        Assert.Equal(new EchoResult("third time", job.WorkerId!, 3), EchoResult.Parse(job.Result!));
        Assert.Null(job.Error);
        Assert.Equal(96, await Jobs.BalanceAsync(user));
    }
}
