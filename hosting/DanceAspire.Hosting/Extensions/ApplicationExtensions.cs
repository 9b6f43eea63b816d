namespace DanceAspire.Hosting;

public static class ApplicationExtensions
{
    /// <summary>A .NET project referenced by the AppHost (its Projects.* metadata class), with one http endpoint.</summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this DistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        var project = new ProjectResource(name, new TProject());
        project.GetOrAddHttpEndpoint();
        return builder.AddResource(project);
    }

    /// <summary>Any program, run with <paramref name="arguments"/> in <paramref name="workingDirectory"/> (relative to the AppHost).</summary>
    public static IResourceBuilder<ExecutableResource> AddExecutable(this DistributedApplicationBuilder builder, string name, string command, string workingDirectory, params string[] arguments) =>
        builder.AddResource(new ExecutableResource(name, command, Path.GetFullPath(Path.Combine(builder.AppHostDirectory, workingDirectory)), arguments));

    /// <summary>A JavaScript app run with <c>npm run &lt;scriptName&gt;</c> in <paramref name="workingDirectory"/> (relative to the AppHost).</summary>
    public static IResourceBuilder<NpmAppResource> AddNpmApp(this DistributedApplicationBuilder builder, string name, string workingDirectory, string scriptName = "start") =>
        builder.AddResource(new NpmAppResource(name, Path.GetFullPath(Path.Combine(builder.AppHostDirectory, workingDirectory)), scriptName));
}
