namespace DanceAspire.Hosting;

/// <summary>An HTTP (or TCP) endpoint of a resource; each replica gets its own allocated port.</summary>
public sealed class EndpointAnnotation(string name, string scheme, int? port, string? environmentVariable)
{
    public string Name { get; } = name;
    public string Scheme { get; } = scheme;

    /// <summary>A fixed port asked for in Program.cs (e.g. the gateway's 8080); null means any free port.</summary>
    public int? Port { get; internal set; } = port;

    /// <summary>The variable that tells the process its port (<c>PORT</c> for Node apps); projects use ASPNETCORE_URLS.</summary>
    public string? EnvironmentVariable { get; } = environmentVariable;

    public bool IsExternal { get; internal set; }
}
