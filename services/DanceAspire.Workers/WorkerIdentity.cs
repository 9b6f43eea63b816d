using Microsoft.Extensions.Configuration;

namespace DanceAspire.Workers;

/// <summary>
/// The worker's id in events, leases and the consumer group: the replica's name from the AppHost
/// (<c>service.instance.id</c>) and the process id, so a restarted replica is a new worker.
/// </summary>
public sealed record WorkerIdentity(string Id)
{
    public static WorkerIdentity From(IConfiguration configuration)
    {
        var attributes = configuration["OTEL_RESOURCE_ATTRIBUTES"] ?? "";
        var instance = attributes.Split(',')
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0].Trim() == "service.instance.id")
            .Select(pair => pair[1].Trim())
            .FirstOrDefault(name => name.Length > 0) ?? Environment.MachineName;
        // The id travels in space-separated stop messages.
        return new WorkerIdentity($"{instance.Replace(' ', '_')}/{Environment.ProcessId}");
    }

    public override string ToString() => Id;
}
