using DanceAspire.Hosting;
using DanceAspire.Hosting.Testing;
using StackExchange.Redis;

namespace DanceAspire.Jobs.Testing;

/// <summary>How the test graph is set up: the test worker's replicas and the dispatcher's policy for the test kinds.</summary>
public sealed record JobStackOptions
{
    public int WorkerReplicas { get; init; } = 2;

    /// <summary>Dispatcher replicas: with two, one holds the dispatch lock and the other stands by.</summary>
    public int DispatcherReplicas { get; init; } = 2;
    public int WorkerConcurrency { get; init; } = 8;

    /// <summary>How long a stopping test worker lets its attempts run before it hands them back.</summary>
    public TimeSpan WorkerShutdownGrace { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs the dashboard, so every service exports its telemetry to it. Off by default: a trace span per SQL
    /// command of the dispatcher costs these tests more CPU than the jobs themselves.
    /// </summary>
    public bool Dashboard { get; init; }

    public IReadOnlyDictionary<string, JobKindOptions> Kinds { get; init; } = new Dictionary<string, JobKindOptions>();
}

/// <summary>
/// The real AppHost graph (PostgreSQL, Redis, Azurite, api, dispatcher, workers, gateway, web) plus the
/// <c>test-worker</c> resource with its test handlers, started with random ports and a temporary state folder.
/// </summary>
public sealed class JobStack : IAsyncDisposable
{
    public const string TestWorker = "test-worker";

    private JobStack(DistributedApplication app, string database, ConnectionMultiplexer redis)
    {
        App = app;
        DatabaseConnectionString = database;
        Redis = redis;
        Jobs = new JobSubmitter(database, redis);
    }

    public DistributedApplication App { get; }
    public string DatabaseConnectionString { get; }
    public ConnectionMultiplexer Redis { get; }
    public JobSubmitter Jobs { get; }

    public static async Task<JobStack> StartAsync(JobStackOptions options, CancellationToken cancellationToken = default)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.DanceAspire_AppHost>(
            configure: app => app.DashboardEnabled = options.Dashboard);
        var redis = builder.CreateResourceBuilder(builder.Resources.OfType<RedisResource>().Single(r => r.Name == "redis"));
        var dispatcher = builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "dispatcher"))
            .WithReplicas(options.DispatcherReplicas);
        foreach (var (kind, policy) in options.Kinds)
        {
            dispatcher
                .WithEnvironment($"Jobs__Kinds__{kind}__MaxConcurrentPerUser", $"{policy.MaxConcurrentPerUser}")
                .WithEnvironment($"Jobs__Kinds__{kind}__MaxQueued", $"{policy.MaxQueued}")
                .WithEnvironment($"Jobs__Kinds__{kind}__LeaseSeconds", $"{policy.LeaseSeconds}")
                .WithEnvironment($"Jobs__Kinds__{kind}__RetryBaseSeconds", $"{policy.RetryBaseSeconds}")
                .WithEnvironment($"Jobs__Kinds__{kind}__RetryMaxSeconds", $"{policy.RetryMaxSeconds}");
        }
        builder.AddProject<Projects.DanceAspire_TestWorker>(TestWorker)
            .WithReference(redis)
            .WaitFor(redis)
            .WithReplicas(options.WorkerReplicas)
            .WithEnvironment("Jobs__Worker__Concurrency", $"{options.WorkerConcurrency}")
            .WithEnvironment("Jobs__Worker__ShutdownGrace", $"{options.WorkerShutdownGrace}")
            .WithHttpHealthCheck("/health");

        var app = builder.Build();
        try
        {
            await app.StartAsync(cancellationToken);
            var database = await app.GetConnectionStringAsync("dancedb")
                ?? throw new InvalidOperationException("The graph has no 'dancedb' connection string.");
            var redisConnection = ConfigurationOptions.Parse(await app.GetConnectionStringAsync("redis")
                ?? throw new InvalidOperationException("The graph has no 'redis' connection string."));
            redisConnection.AbortOnConnectFail = false;
            return new JobStack(app, database, await ConnectionMultiplexer.ConnectAsync(redisConnection));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The process id in a worker id (<c>instance/pid</c>) and the test-worker replica it belongs to.</summary>
    public ResourceInstance TestWorkerRunning(string workerId)
    {
        var pid = int.Parse(workerId[(workerId.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        return App.GetInstances(TestWorker).Single(i => i.Pid == pid);
    }

    public async ValueTask DisposeAsync()
    {
        await Redis.CloseAsync();
        Redis.Dispose();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(App.Options.StateDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder; a file still held open is not worth failing a run for.
        }
    }
}
