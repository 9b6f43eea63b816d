using System.Diagnostics;
using DanceAspire.Jobs;
using DanceAspire.Jobs.Benchmarks;
using DanceAspire.Jobs.Testing;
using DanceAspire.TestWorker;
using Microsoft.Extensions.Configuration;

// Starts the real AppHost graph with the test worker, then measures the job system with jobs that do nothing:
// throughput (a batch of jobs committed at once, until the last one succeeded) and submit→start latency (jobs
// submitted one by one, at a pace the system keeps up with). Options: --jobs --users --replicas --concurrency
// --latency-jobs --latency-interval-ms.
var settings = BenchmarkSettings.From(new ConfigurationBuilder().AddCommandLine(args).Build());
Console.WriteLine($"DanceAspire job system benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {settings}");

var startup = Stopwatch.StartNew();
await using var stack = await JobStack.StartAsync(new JobStackOptions
{
    WorkerReplicas = settings.Replicas,
    WorkerConcurrency = settings.Concurrency,
    // No per-user limit or back-pressure gets in the way: this measures the machinery.
    Kinds = new Dictionary<string, JobKindOptions>
    {
        [NoopHandler.JobKind] = new() { MaxConcurrentPerUser = settings.Jobs, MaxQueued = settings.Jobs, LeaseSeconds = 30 },
    },
});
Console.WriteLine($"Stack started in {startup.Elapsed.TotalSeconds:0.0} s");

var users = await Task.WhenAll(Enumerable.Range(0, settings.Users).Select(_ => stack.Jobs.CreateUserAsync(coins: 1_000_000)));
await Measure.ThroughputAsync(stack, users, jobs: Math.Min(100, settings.Jobs), report: false);

var throughput = await Measure.ThroughputAsync(stack, users, settings.Jobs, report: true);
var latency = await Measure.LatencyAsync(stack, users, settings.LatencyJobs, settings.LatencyInterval);

Console.WriteLine();
Console.WriteLine($"cores (Environment.ProcessorCount): {Environment.ProcessorCount}");
Console.WriteLine($"throughput: {throughput.JobsPerSecond:0} jobs/s ({settings.Jobs} no-op jobs from {settings.Users} users in {throughput.Elapsed.TotalSeconds:0.00} s, {settings.Replicas}x{settings.Concurrency} worker slots)");
Console.WriteLine($"submit→start latency: p50 {latency.P50.TotalMilliseconds:0.0} ms, p95 {latency.P95.TotalMilliseconds:0.0} ms ({settings.LatencyJobs} jobs, one every {settings.LatencyInterval.TotalMilliseconds:0} ms; p50 until handed to Redis {latency.QueuedP50.TotalMilliseconds:0.0} ms)");
Console.WriteLine($"slowest: {latency.Max.TotalMilliseconds:0.0} ms ({latency.Slowest.Queued.TotalMilliseconds:0.0} ms until handed to Redis, {latency.Slowest.Started.TotalMilliseconds:0.0} ms after)");
