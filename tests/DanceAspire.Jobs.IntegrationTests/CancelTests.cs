using DanceAspire.Data.Accounts;
using DanceAspire.Data.Jobs;
using DanceAspire.TestWorker;

namespace DanceAspire.Jobs.IntegrationTests;

[Collection(JobStackCollection.Name)]
public sealed class CancelTests(JobStackFixture fixture)
{
    private JobSubmitter Jobs => fixture.Stack.Jobs;

    [Fact]
    public async Task Cancel_stops_a_running_job_within_a_second_and_refunds_it()
    {
        await using var updates = await JobUpdateRecorder.StartAsync(fixture.Stack.Redis);
        var user = await Jobs.CreateUserAsync(coins: 100);
        var id = await Jobs.SubmitAsync(user, EchoHandler.JobKind, new EchoPayload(DurationMs: 30_000, ProgressSteps: 300), cost: 5);
        await Jobs.WaitForAsync(id, j => j.State == JobStates.Running && j.Progress > 0, TimeSpan.FromSeconds(30), "running");

        var requestedAt = DateTimeOffset.UtcNow;
        await Jobs.RequestCancelAsync(id);
        var job = await Jobs.WaitForAsync(id, j => JobStates.IsFinal(j.State), TimeSpan.FromSeconds(10), "to a final state");

        Assert.Equal(JobStates.Canceled, job.State);
        // Canceled on the worker's word that its handler stopped, not by the lease running out.
        var attempt = Assert.Single(job.Attempts);
        Assert.Equal(AttemptOutcomes.Canceled, attempt.Outcome);
        Assert.InRange(job.FinishedAt!.Value - requestedAt, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        var ledger = await Jobs.LedgerOfAsync(id);
        Assert.Equal([(CoinTransactionKinds.Charge, -5), (CoinTransactionKinds.Refund, 5)], ledger.Select(t => (t.Kind, t.Amount)));
        Assert.Equal(100, await Jobs.BalanceAsync(user));
        // Nothing runs on: no progress after the cancel, and the handler never reached its end.
        await Task.Delay(500);
        Assert.Equal(JobStates.Canceled, updates.Of(id)[^1].State);
        Assert.False(await fixture.Stack.Redis.GetDatabase().HashExistsAsync(EchoHandler.CompletionsKey, id.ToString("N")));
    }

    [Fact]
    public async Task Cancel_of_a_job_still_waiting_for_its_users_free_slot_refunds_it_without_running_it()
    {
        var user = await Jobs.CreateUserAsync(coins: 100);
        var limit = JobStackFixture.EchoPolicy.MaxConcurrentPerUser;
        var busy = new List<Guid>();
        for (var i = 0; i < limit; i++)
        {
            busy.Add(await Jobs.SubmitAsync(user, EchoHandler.JobKind, new EchoPayload(DurationMs: 3_000, ProgressSteps: 3)));
        }
        var waiting = await Jobs.SubmitAsync(user, EchoHandler.JobKind, new EchoPayload(), cost: 9);
        await Task.WhenAll(busy.Select(b => Jobs.WaitForAsync(b, j => j.State == JobStates.Running, TimeSpan.FromSeconds(30), "running")));
        Assert.Equal(JobStates.Pending, (await Jobs.GetAsync(waiting)).State);

        await Jobs.RequestCancelAsync(waiting);
        var job = await Jobs.WaitForAsync(waiting, j => JobStates.IsFinal(j.State), TimeSpan.FromSeconds(5), "to a final state");

        Assert.Equal(JobStates.Canceled, job.State);
        Assert.Empty(job.Attempts);
        Assert.Equal(0, job.Attempt);
        Assert.Equal(100 - limit, await Jobs.BalanceAsync(user));
        await Jobs.WaitUntilFinalAsync(busy, TimeSpan.FromSeconds(30));
    }
}
