using System.Diagnostics;

namespace DanceAspire.IntegrationTests;

public sealed class FailFastTests
{
    [Fact]
    public async Task A_dependency_that_cannot_start_fails_the_run_fast_naming_it_and_leaves_nothing_running()
    {
        var state = DistributedApplicationTestingBuilder.CreateStateDirectory();
        // PostgreSQL's folder is a file: its data folder cannot be created.
        await File.WriteAllTextAsync(Path.Combine(state, "postgres"), "not a folder");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.DanceAspire_AppHost>(
            configure: options => options.StateDirectory = state);
        await using var app = builder.Build();

        var stopwatch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync());

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"took {stopwatch.Elapsed}");
        Assert.Contains("'postgres'", error.Message);
        var pids = app.Instances.Where(i => i.Pid is not null).Select(i => i.Pid!.Value).ToList();
        await app.StopAsync();
        Assert.All(pids, pid => Assert.False(IsAlive(pid), $"process {pid} is still running"));
        Assert.All(app.Instances.Where(i => i.Resource.Name is "api" or "gateway"), i => Assert.Equal(ResourceStates.FailedToStart, i.State));
        Directory.Delete(state, recursive: true);
    }

    private static bool IsAlive(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ");
}
