namespace DanceAspire.Hosting.Tests;

/// <summary>The Projects.* classes that DanceAspire.Hosting.targets generates into the AppHost.</summary>
public sealed class ProjectMetadataTests
{
    [Fact]
    public void The_AppHost_metadata_points_at_its_own_project_and_built_assembly()
    {
        var appHost = new Projects.DanceAspire_AppHost();

        Assert.Equal("DanceAspire.AppHost.csproj", Path.GetFileName(appHost.ProjectPath));
        Assert.True(File.Exists(appHost.ProjectPath), appHost.ProjectPath);
        Assert.Equal("DanceAspire.AppHost.dll", Path.GetFileName(appHost.TargetPath));
        Assert.True(File.Exists(appHost.TargetPath), appHost.TargetPath);
    }

    [Fact]
    public void Every_service_the_AppHost_references_has_metadata_for_its_project_file_and_build_output_but_the_hosting_library_has_none()
    {
        var metadata = typeof(Projects.DanceAspire_AppHost).Assembly.GetTypes()
            .Where(t => t.Namespace == "Projects" && typeof(IProjectMetadata).IsAssignableFrom(t))
            .ToDictionary(t => t.Name, t => (IProjectMetadata)Activator.CreateInstance(t)!);

        Assert.Equal(
            ["DanceAspire_AnalysisWorker", "DanceAspire_Api", "DanceAspire_AppHost", "DanceAspire_Assembler",
             "DanceAspire_Dispatcher", "DanceAspire_Gateway", "DanceAspire_GenerationWorker"],
            metadata.Keys.Order(StringComparer.Ordinal));
        Assert.All(metadata, entry =>
        {
            var (className, project) = (entry.Key, entry.Value);
            Assert.Equal(className.Replace('_', '.') + ".csproj", Path.GetFileName(project.ProjectPath));
            Assert.True(File.Exists(project.ProjectPath), project.ProjectPath);
            Assert.Equal(className.Replace('_', '.') + ".dll", Path.GetFileName(project.TargetPath));
            Assert.True(File.Exists(project.TargetPath), project.TargetPath);
        });
    }
}
