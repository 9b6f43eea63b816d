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
        App = builder.Build();
        var stopwatch = Stopwatch.StartNew();
        await App.StartAsync();
        StartupTime = stopwatch.Elapsed;
        Gateway = App.CreateHttpClient("gateway");
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
