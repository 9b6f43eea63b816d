using DanceAspire.Data.Jobs;
using DanceAspire.Jobs.Testing;
using DanceAspire.TestWorker;

namespace DanceAspire.Jobs.Benchmarks;

internal sealed record BenchmarkSettings(int Jobs, int Users, int Replicas, int Concurrency, int LatencyJobs, TimeSpan LatencyInterval)
{
    public static BenchmarkSettings From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        int Get(string name, int fallback) => int.TryParse(configuration[name], out var value) && value > 0 ? value : fallback;
        return new BenchmarkSettings(
            Get("jobs", 2_000), Get("users", 20), Get("replicas", 2), Get("concurrency", 16),
            Get("latency-jobs", 200), TimeSpan.FromMilliseconds(Get("latency-interval-ms", 25)));
    }
}

internal sealed record ThroughputResult(TimeSpan Elapsed, double JobsPerSecond);

/// <param name="QueuedP50">Of the wait: until the dispatcher handed the job to Redis (the rest is the worker taking it and the dispatcher recording the start).</param>
/// <param name="Slowest">The slowest job's wait, split into until handed to Redis and after.</param>
internal sealed record LatencyResult(TimeSpan P50, TimeSpan P95, TimeSpan Max, TimeSpan QueuedP50, (TimeSpan Queued, TimeSpan Started) Slowest);

internal static class Measure
{
    /// <summary>Commits <paramref name="jobs"/> no-op jobs at once, spread over the users, and times them until the last one succeeded.</summary>
    public static async Task<ThroughputResult> ThroughputAsync(JobStack stack, Guid[] users, int jobs, bool report)
    {
        var owners = Enumerable.Range(0, jobs).Select(i => users[i % users.Length]).ToArray();
        var (ids, committedAt) = await stack.Jobs.SubmitBatchAsync(owners, NoopHandler.JobKind, new { });
        var finished = await stack.Jobs.WaitUntilFinalAsync(ids, TimeSpan.FromMinutes(10));
        EnsureAllSucceeded(finished);
        var elapsed = finished.Max(j => j.FinishedAt!.Value) - committedAt;
        if (report)
        {
            Console.WriteLine($"{jobs} jobs committed at once; the last succeeded {elapsed.TotalSeconds:0.00} s later");
        }
        return new ThroughputResult(elapsed, jobs / elapsed.TotalSeconds);
    }

    /// <summary>Submits jobs one at a time, every <paramref name="interval"/>, and reads how long each waited to start.</summary>
    public static async Task<LatencyResult> LatencyAsync(JobStack stack, Guid[] users, int jobs, TimeSpan interval)
    {
        var ids = new List<Guid>(jobs);
        using var pace = new PeriodicTimer(interval);
        for (var i = 0; i < jobs; i++)
        {
            ids.Add(await stack.Jobs.SubmitAsync(users[i % users.Length], NoopHandler.JobKind, new { }));
            await pace.WaitForNextTickAsync();
        }
        var finished = await stack.Jobs.WaitUntilFinalAsync(ids, TimeSpan.FromMinutes(5));
        EnsureAllSucceeded(finished);
        var waits = finished.Select(j => j.Attempts.Single().StartedAt!.Value - j.CreatedAt).Order().ToArray();
        var queued = finished.Select(j => j.Attempts.Single().QueuedAt - j.CreatedAt).Order().ToArray();
        var slowest = finished.MaxBy(j => j.Attempts.Single().StartedAt!.Value - j.CreatedAt)!;
        var attempt = slowest.Attempts.Single();
        return new LatencyResult(
            Percentile(waits, 0.50), Percentile(waits, 0.95), waits[^1], Percentile(queued, 0.50),
            (attempt.QueuedAt - slowest.CreatedAt, attempt.StartedAt!.Value - attempt.QueuedAt));
    }

    private static TimeSpan Percentile(TimeSpan[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static void EnsureAllSucceeded(List<Job> jobs)
    {
        var failed = jobs.Where(j => j.State != JobStates.Succeeded).ToArray();
        if (failed.Length > 0)
        {
            throw new InvalidOperationException($"{failed.Length} jobs did not succeed, e.g. {failed[0].Id}: {failed[0].State} {failed[0].Error}");
        }
    }
}
