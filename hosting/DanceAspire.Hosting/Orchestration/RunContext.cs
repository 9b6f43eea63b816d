using Microsoft.Extensions.Logging;

namespace DanceAspire.Hosting;

public class DistributedApplicationException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>What resources see of the run: where state lives, how to log, the other resources' instances.</summary>
internal sealed class RunContext(string stateDirectory, ILogger logger, IReadOnlyDictionary<IResource, ResourceInstance[]> instances)
{
    public string StateDirectory { get; } = stateDirectory;
    public ILogger Logger { get; } = logger;
    public IReadOnlyDictionary<IResource, ResourceInstance[]> Instances { get; } = instances;

    public static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>The resource's own folder in the state directory, created if missing.</summary>
    public string ResourceDirectory(IResource resource, string? sub = null)
    {
        var path = sub is null ? Path.Combine(StateDirectory, resource.Name) : Path.Combine(StateDirectory, resource.Name, sub);
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DistributedApplicationException($"Resource '{resource.Name}': cannot create its state folder {path}: {e.Message}", e);
        }
        return path;
    }

    public int PortOf(IResource resource, string endpoint = "http") => Instances[resource][0].Ports[endpoint];
}
