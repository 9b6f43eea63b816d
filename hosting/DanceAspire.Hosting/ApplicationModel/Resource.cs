namespace DanceAspire.Hosting;

/// <summary>A named part of the distributed application: a server, a database, a project, an app.</summary>
public interface IResource
{
    string Name { get; }
}

/// <summary>A resource that other resources reach through a connection string (<c>ConnectionStrings__name</c>).</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>The connection string once endpoints are allocated (run mode).</summary>
    string GetConnectionString();
}

/// <summary>A resource that lives inside another one (a database inside a server).</summary>
public interface IResourceWithParent : IResource
{
    IResource Parent { get; }
}

/// <summary>Generated for each project the AppHost references (see DanceAspire.Hosting.targets).</summary>
public interface IProjectMetadata
{
    string ProjectPath { get; }
    string TargetPath { get; }
}

public abstract class Resource(string name) : IResource
{
    public string Name { get; } = name;

    /// <summary>Resources that must be running (and healthy, where they have a check) before this one starts.</summary>
    public List<IResource> WaitsFor { get; } = [];

    /// <summary>Resources whose connection information this one receives.</summary>
    public List<IResource> References { get; } = [];

    public List<Action<EnvironmentContext>> EnvironmentCallbacks { get; } = [];

    public override string ToString() => Name;
}

/// <summary>The environment a resource instance is about to be started with.</summary>
public sealed class EnvironmentContext(ResourceInstance instance, IDictionary<string, string> variables)
{
    public ResourceInstance Instance { get; } = instance;
    public IDictionary<string, string> Variables { get; } = variables;
}

/// <summary>A value supplied at run time: from configuration (<c>Parameters:name</c>), or generated and kept in the state folder.</summary>
public sealed class ParameterResource(string name, bool secret) : Resource(name)
{
    public bool Secret { get; } = secret;
    internal string? Value { get; set; }
    public string GetValue() => Value ?? throw new InvalidOperationException(
        $"Parameter '{Name}' has no value: set Parameters__{Name} in the environment or --Parameters:{Name}=<value> on the command line.");
}
