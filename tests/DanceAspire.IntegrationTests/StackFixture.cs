using System.Diagnostics;

namespace DanceAspire.IntegrationTests;

/// <summary>One running DanceAspire stack (the real AppHost graph) shared by every test in this assembly.</summary>
public sealed class StackFixture : IAsyncLifetime
{
    public DistributedApplication App { get; private set; } = null!;
    public HttpClient Gateway { get; private set; } = null!;
    public TimeSpan StartupTime { get; private set; }

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.DanceAspire_AppHost>();
        ConfigureApiForTests(builder);
        AddTestWorker(builder);
        App = builder.Build();
        var stopwatch = Stopwatch.StartNew();
        await App.StartAsync();
        StartupTime = stopwatch.Elapsed;
        Gateway = App.CreateHttpClient("gateway");
    }

    /// <summary>The account that signs up with this email is the test stack's admin.</summary>
    public const string AdminEmail = "admin@danceaspire.test";

    /// <summary>Every test account starts with this many coins.</summary>
    public const int SignupGrant = 50;

    /// <summary>A public job kind that costs 1 coin; the test worker runs it (payload: durationMs, progressSteps, alwaysFail...).</summary>
    public const string EchoKind = "test-echo";

    /// <summary>A public, free job kind that no worker handles, so a test can publish its updates itself.</summary>
    public const string UnhandledKind = "test-unhandled";

    /// <summary>The api's settings for tests: an admin, a known signup grant, and the test job kinds.</summary>
    private static void ConfigureApiForTests(DistributedApplicationBuilder builder)
    {
        var api = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "api");
        builder.CreateResourceBuilder(api)
            .WithEnvironment("Auth__AdminEmail", AdminEmail)
            .WithEnvironment("Coins__SignupGrant", SignupGrant.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment($"Jobs__Kinds__{EchoKind}__Public", "true")
            .WithEnvironment($"Jobs__Kinds__{EchoKind}__Cost", "1")
            .WithEnvironment($"Jobs__Kinds__{EchoKind}__MaxAttempts", "3")
            .WithEnvironment($"Jobs__Kinds__{UnhandledKind}__Public", "true")
            // Upload links last 15 s here, and the sweeper looks every 2 s, so a test sees an unconfirmed upload removed.
            .WithEnvironment("Analyses__UploadUrlMinutes", "0.25")
            .WithEnvironment("Analyses__SweepGraceMinutes", "0")
            .WithEnvironment("Analyses__SweepIntervalSeconds", "2");
    }

    /// <summary>The job engine's test worker, which runs <see cref="EchoKind"/> jobs.</summary>
    private static void AddTestWorker(DistributedApplicationBuilder builder)
    {
        var redis = builder.CreateResourceBuilder(builder.Resources.OfType<RedisResource>().Single(r => r.Name == "redis"));
        builder.AddProject<Projects.DanceAspire_TestWorker>("test-worker")
            .WithReference(redis)
            .WaitFor(redis)
            .WithHttpHealthCheck("/health");
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        await App.DisposeAsync();
        Directory.Delete(App.Options.StateDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class StackCollection : ICollectionFixture<StackFixture>
{
    public const string Name = "stack";
}
