using System.Diagnostics;
using DanceAspire.Data.Jobs;
using DanceAspire.TestWorker;
using Xunit.Abstractions;

namespace DanceAspire.Jobs.IntegrationTests;

[Collection(JobStackCollection.Name)]
public sealed class ThroughputTests(JobStackFixture fixture, ITestOutputHelper output)
{
    private JobSubmitter Jobs => fixture.Stack.Jobs;

    [Fact]
    public async Task A_thousand_jobs_from_ten_users_all_finish_exactly_once_without_a_user_ever_running_more_than_its_limit()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Jobs.CreateUserAsync(coins: 1_000)));
        var stopwatch = Stopwatch.StartNew();
        var submitted = await Task.WhenAll(users.Select(async user =>
        {
            var mine = new List<(Guid Id, string Echo)>();
            for (var i = 0; i < 100; i++)
            {
                var echo = $"{user:N}/{i}";
                mine.Add((await Jobs.SubmitAsync(user, EchoHandler.JobKind, new EchoPayload(DurationMs: Random.Shared.Next(40), ProgressSteps: 2, Result: echo), cost: 3), echo));
            }
            return mine;
        }));
        var echoes = submitted.SelectMany(mine => mine).ToDictionary(s => s.Id, s => s.Echo);
        var ids = echoes.Keys.ToArray();

        var submittedIn = stopwatch.Elapsed;
        var jobs = await Jobs.WaitUntilFinalAsync(ids, TimeSpan.FromMinutes(4));
        output.WriteLine($"1000 jobs submitted in {submittedIn.TotalSeconds:0.0} s, all finished after {stopwatch.Elapsed.TotalSeconds:0.0} s");

        Assert.Equal(1_000, jobs.Count);
        Assert.All(jobs, job =>
        {
            Assert.Equal(JobStates.Succeeded, job.State);
            var attempt = Assert.Single(job.Attempts);
            Assert.Equal(AttemptOutcomes.Succeeded, attempt.Outcome);
            Assert.Equal(job.WorkerId, attempt.WorkerId);
            Assert.Equal(new EchoResult(echoes[job.Id], attempt.WorkerId!, attempt.Number), EchoResult.Parse(job.Result!));
        });
        // The handler counts every run that reached its end: exactly one per job.
        var completions = (await fixture.Stack.Redis.GetDatabase().HashGetAllAsync(EchoHandler.CompletionsKey))
            .ToDictionary(e => Guid.ParseExact((string)e.Name!, "N"), e => (int)e.Value);
        Assert.All(ids, id => Assert.Equal(1, completions.GetValueOrDefault(id)));
        // Each user's attempts, by their recorded start and finish, never overlapped more than the limit allows.
        var peaks = jobs.GroupBy(j => j.OwnerId).Select(mine => PeakOverlap(mine.SelectMany(j => j.Attempts))).ToArray();
        Assert.All(peaks, peak => Assert.InRange(peak, 1, JobStackFixture.EchoPolicy.MaxConcurrentPerUser));
        Assert.Contains(peaks, peak => peak > 1);
        // Paid once each, nothing refunded.
        Assert.All(await Task.WhenAll(users.Select(Jobs.BalanceAsync)), balance => Assert.Equal(1_000 - 100 * 3, balance));
    }

    /// <summary>The most attempts running at one moment; an attempt that finishes as another starts does not overlap it.</summary>
    private static int PeakOverlap(IEnumerable<JobAttempt> attempts)
    {
        var edges = attempts.SelectMany(a => new[] { (At: a.StartedAt!.Value, Delta: 1), (At: a.FinishedAt!.Value, Delta: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Delta);
        int running = 0, peak = 0;
        foreach (var (_, delta) in edges)
        {
            running += delta;
            peak = Math.Max(peak, running);
        }
        return peak;
    }
}
