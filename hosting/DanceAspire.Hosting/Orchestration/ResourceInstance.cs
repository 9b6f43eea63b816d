namespace DanceAspire.Hosting;

public static class ResourceStates
{
    public const string Waiting = "Waiting";
    public const string Starting = "Starting";
    public const string Running = "Running";
    public const string FailedToStart = "FailedToStart";
    public const string Exited = "Exited";
    public const string Stopping = "Stopping";
    public const string Finished = "Finished";
}

/// <summary>One running replica of a resource (or the single instance of a non-process resource such as a database).</summary>
public sealed class ResourceInstance
{
    internal ResourceInstance(IResource resource, int index, string name, int logCapacity)
    {
        Resource = resource;
        Index = index;
        Name = name;
        Logs = new LogBuffer(logCapacity);
    }

    public IResource Resource { get; }
    public int Index { get; }

    /// <summary>The replica's id: the resource name, or name-index when there are replicas; also service.instance.id.</summary>
    public string Name { get; }

    public Dictionary<string, int> Ports { get; } = [];
    public LogBuffer Logs { get; }

    public string State { get; internal set; } = ResourceStates.Waiting;
    public string? Health { get; internal set; }
    public string? StateDetail { get; internal set; }
    public int? Pid { get; internal set; }
    public int? ExitCode { get; internal set; }
    public DateTimeOffset? StartedAt { get; internal set; }
    public DateTimeOffset? StoppedAt { get; internal set; }

    internal ManagedProcess? Process { get; set; }

    public string? GetUrl(string endpointName = "http", string host = "127.0.0.1") =>
        Ports.TryGetValue(endpointName, out var port) ? $"http://{host}:{port}" : null;
}
