using System.Runtime.InteropServices;

namespace DanceAspire.Hosting;

/// <summary>How to start one instance of a resource as an operating-system process.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    /// <summary>Run as this user (e.g. postgres, which refuses root) when the AppHost runs as root.</summary>
    public string? User { get; init; }
}

/// <summary>A resource the orchestrator runs as one or more operating-system processes (replicas).</summary>
public abstract class ProcessResource(string name) : Resource(name)
{
    public int Replicas { get; internal set; } = 1;

    public List<EndpointAnnotation> Endpoints { get; } = [];

    /// <summary>Path probed over HTTP for health (WithHttpHealthCheck); null: the resource's own probe, if any.</summary>
    public string? HealthCheckPath { get; internal set; }

    public abstract string TypeName { get; }

    /// <summary>The signal that asks the resource's processes to stop quickly and cleanly.</summary>
    internal virtual PosixSignal StopSignal => PosixSignal.SIGTERM;

    /// <summary>Whether the orchestrator can tell healthy from unhealthy (an HTTP check or a probe of its own).</summary>
    internal bool HasHealthCheck => HealthCheckPath is not null || ReadinessProbe is not null;

    /// <summary>The replicas of this run, with their allocated ports.</summary>
    internal ResourceInstance[] Instances { get; set; } = [];

    internal int PortOf(string endpointName) => Instances.Length > 0
        ? Instances[0].Ports[endpointName]
        : throw new InvalidOperationException($"Resource '{Name}' has no allocated endpoints before the application starts.");

    /// <summary>Work before the first process starts (create folders, initdb...). Throws with a clear message on failure.</summary>
    internal virtual Task PrepareAsync(RunContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    internal abstract ProcessSpec GetProcessSpec(RunContext context, ResourceInstance instance);

    /// <summary>A readiness probe for resources without an HTTP health check; null when there is none.</summary>
    internal virtual Func<ResourceInstance, CancellationToken, Task<bool>>? ReadinessProbe => null;

    /// <summary>Work once the resource is healthy (create databases...).</summary>
    internal virtual Task OnReadyAsync(RunContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    internal EndpointAnnotation GetOrAddHttpEndpoint()
    {
        var endpoint = Endpoints.FirstOrDefault(e => e.Name == "http");
        if (endpoint is null)
        {
            endpoint = new EndpointAnnotation("http", "http", null, null);
            Endpoints.Add(endpoint);
        }
        return endpoint;
    }
}

/// <summary>A .NET project started from its built output with <c>dotnet</c>, as <c>dotnet run --no-build</c> would.</summary>
public sealed class ProjectResource(string name, IProjectMetadata metadata) : ProcessResource(name)
{
    public IProjectMetadata Metadata { get; } = metadata;
    public override string TypeName => "Project";

    internal override ProcessSpec GetProcessSpec(RunContext context, ResourceInstance instance)
    {
        if (!File.Exists(Metadata.TargetPath))
        {
            throw new DistributedApplicationException(
                $"Resource '{Name}': the project is not built ({Metadata.TargetPath} is missing). Build the AppHost first.");
        }
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        return new ProcessSpec(dotnet, [Metadata.TargetPath], Path.GetDirectoryName(Metadata.ProjectPath)!);
    }
}

/// <summary>A JavaScript app started with <c>npm run &lt;script&gt;</c> in its folder.</summary>
public sealed class NpmAppResource(string name, string workingDirectory, string scriptName) : ProcessResource(name)
{
    public string WorkingDirectory { get; } = workingDirectory;
    public string ScriptName { get; } = scriptName;
    public override string TypeName => "NpmApp";

    internal override Task PrepareAsync(RunContext context, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(WorkingDirectory, "node_modules")))
        {
            throw new DistributedApplicationException(
                $"Resource '{Name}': {WorkingDirectory} has no node_modules; run 'npm ci' there (./dance.sh up does).");
        }
        return Task.CompletedTask;
    }

    internal override ProcessSpec GetProcessSpec(RunContext context, ResourceInstance instance) =>
        new("npm", ["run", ScriptName], WorkingDirectory);
}

/// <summary>Any program, started with arguments in a working directory (Aspire's AddExecutable).</summary>
public sealed class ExecutableResource(string name, string command, string workingDirectory, IReadOnlyList<string> arguments) : ProcessResource(name)
{
    public string Command { get; } = command;
    public string WorkingDirectory { get; } = workingDirectory;
    public IReadOnlyList<string> Arguments { get; } = arguments;
    public override string TypeName => "Executable";

    internal override ProcessSpec GetProcessSpec(RunContext context, ResourceInstance instance) => new(Command, Arguments, WorkingDirectory);
}
