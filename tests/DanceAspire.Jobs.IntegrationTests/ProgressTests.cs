using DanceAspire.Data.Jobs;
using DanceAspire.TestWorker;

namespace DanceAspire.Jobs.IntegrationTests;

[Collection(JobStackCollection.Name)]
public sealed class ProgressTests(JobStackFixture fixture)
{
    [Fact]
    public async Task Every_stage_reaches_subscribers_in_order_with_strictly_increasing_sequences()
    {
        await using var updates = await JobUpdateRecorder.StartAsync(fixture.Stack.Redis);
        var user = await fixture.Stack.Jobs.CreateUserAsync();
        var id = await fixture.Stack.Jobs.SubmitAsync(user, EchoHandler.JobKind, new EchoPayload(DurationMs: 2_000, ProgressSteps: 10, Result: "steps"));

        var job = await fixture.Stack.Jobs.WaitForAsync(id, j => JobStates.IsFinal(j.State), TimeSpan.FromSeconds(30), "to a final state");
        await Task.Delay(300);
        var published = updates.Of(id);

        Assert.Equal(JobStates.Succeeded, job.State);
        Assert.Equal([JobStates.Queued, JobStates.Running, JobStates.Succeeded], published.Select(u => u.State).Distinct());
        Assert.Equal(JobStates.Succeeded, published[^1].State);
        Assert.All(published.Zip(published.Skip(1)), pair => Assert.True(pair.First.Sequence < pair.Second.Sequence));
        Assert.All(published.Zip(published.Skip(1)), pair => Assert.True(pair.First.Progress <= pair.Second.Progress));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"step {i}/10"), published.Select(u => u.Stage).OfType<string>().Distinct());
        // The last update written to Postgres carries the row's own update time as its sequence.
        Assert.Equal(job.UpdatedAt, published[^1].At);
    }
}
