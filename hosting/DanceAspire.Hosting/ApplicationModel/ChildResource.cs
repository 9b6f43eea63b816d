namespace DanceAspire.Hosting;

/// <summary>A resource that runs inside its parent's process (a database, a blob service): ready once the parent is.</summary>
public abstract class ChildResource(string name, IResource parent) : Resource(name), IResourceWithParent
{
    public IResource Parent { get; } = parent;
    public abstract string TypeName { get; }

    internal virtual Task InitializeAsync(RunContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
