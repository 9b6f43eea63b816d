using System.Reflection;
using System.Runtime.ExceptionServices;

namespace DanceAspire.Hosting.Testing;

/// <summary>
/// Builds an AppHost's real resource graph for a test: its Program.cs runs up to Build(), with every
/// fixed port made random, the dashboard on random ports, and a fresh temporary state folder.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    public static Task<DistributedApplicationBuilder> CreateAsync<TEntryPoint>(
        string[]? args = null, Action<DistributedApplicationOptions>? configure = null)
        where TEntryPoint : IProjectMetadata, new()
    {
        // The AppHost's own Projects.* class lives in the AppHost assembly, so its assembly is the AppHost.
        var assembly = typeof(TEntryPoint).Assembly;
        var entryPoint = assembly.EntryPoint
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no entry point.");

        var hook = new TestingHook(options =>
        {
            var temporaryState = Path.Combine(Path.GetTempPath(), "danceaspire-test-" + Guid.NewGuid().ToString("N")[..12]);
            options.RandomizePorts = true;
            options.StateDirectory = temporaryState;
            configure?.Invoke(options);
            if (options.StateDirectory == temporaryState)
            {
                CreateStateDirectory(temporaryState);
            }
        });
        using (TestingHook.Activate(hook))
        {
            try
            {
                entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [args ?? []]);
            }
            catch (TargetInvocationException e) when (e.InnerException is TestingHook.BuilderCapturedException)
            {
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            }
        }
        return Task.FromResult(hook.Builder
            ?? throw new InvalidOperationException("The AppHost's entry point returned without calling Build()."));
    }

    /// <summary>A temporary state folder others can traverse (the postgres user must reach its data folder).</summary>
    public static string CreateStateDirectory(string? path = null)
    {
        path ??= Path.Combine(Path.GetTempPath(), "danceaspire-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        return path;
    }
}

public static class DistributedApplicationTestingExtensions
{
    /// <summary>Waits until every instance of the resource is running and healthy (or running, when it has no check).</summary>
    public static async Task WaitForResourceHealthyAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var instances = app.GetInstances(resourceName);
            if (instances.Count > 0 && instances.All(i => i.State == ResourceStates.Running && i.Health is null or "Healthy"))
            {
                return;
            }
            if (instances.Any(i => i.State is ResourceStates.FailedToStart or ResourceStates.Exited))
            {
                throw new DistributedApplicationException($"Resource '{resourceName}' is {instances.First().State}: {instances.First().StateDetail}");
            }
            await Task.Delay(100, cancellationToken);
        }
    }
}
