using System.Diagnostics;
using DanceAspire.TestWorker;

// Every test here shares one stack; they run one after another so they never race each other for its workers.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace DanceAspire.Jobs.IntegrationTests;

/// <summary>One stack for the assembly: the AppHost graph with two test-worker replicas of eight slots each.</summary>
public sealed class JobStackFixture : IAsyncLifetime
{
    /// <summary>The test kind's policy: a few jobs per user at once, a short lease and quick retries so failures show fast.</summary>
    public static readonly JobKindOptions EchoPolicy = new()
    {
        MaxConcurrentPerUser = 3,
        MaxQueued = 200,
        LeaseSeconds = 4,
        RetryBaseSeconds = 0.2,
        RetryMaxSeconds = 1,
    };

    public JobStack Stack { get; private set; } = null!;
    public TimeSpan StartupTime { get; private set; }

    public async Task InitializeAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        Stack = await JobStack.StartAsync(new JobStackOptions
        {
            WorkerReplicas = 2,
            WorkerConcurrency = 8,
            Kinds = new Dictionary<string, JobKindOptions> { [EchoHandler.JobKind] = EchoPolicy },
        });
        StartupTime = stopwatch.Elapsed;
    }

    public async Task DisposeAsync() => await Stack.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class JobStackCollection : ICollectionFixture<JobStackFixture>
{
    public const string Name = "job stack";
}
