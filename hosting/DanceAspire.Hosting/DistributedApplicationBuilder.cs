using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace DanceAspire.Hosting;

/// <summary>Declares the resources of the distributed application, as Aspire's IDistributedApplicationBuilder does.</summary>
public sealed class DistributedApplicationBuilder
{
    private readonly List<IResource> _resources = [];

    internal DistributedApplicationBuilder(string[] args, Assembly appHostAssembly, Action<DistributedApplicationOptions>? configure)
    {
        Args = args;
        var appHostDirectory = FindAppHostDirectory(appHostAssembly);
        Configuration = new ConfigurationManager();
        Configuration.AddJsonFile(Path.Combine(appHostDirectory, "appsettings.json"), optional: true);
        Configuration.AddEnvironmentVariables();
        Configuration.AddCommandLine(args);

        Options = new DistributedApplicationOptions
        {
            AppHostDirectory = appHostDirectory,
            StateDirectory = Path.GetFullPath(Configuration["State:Directory"] ?? Path.Combine(appHostDirectory, "..", ".dance")),
            DashboardEnabled = Configuration.GetValue("Dashboard:Enabled", true),
            DashboardPort = Configuration.GetValue("Dashboard:Port", 18888),
            OtlpPort = Configuration.GetValue("Dashboard:OtlpPort", 18890),
        };
        configure?.Invoke(Options);
    }

    public string[] Args { get; }
    public ConfigurationManager Configuration { get; }
    public DistributedApplicationOptions Options { get; }
    public string AppHostDirectory => Options.AppHostDirectory;
    public IReadOnlyList<IResource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DistributedApplicationException($"A resource named '{resource.Name}' already exists.");
        }
        _resources.Add(resource);
        return CreateResourceBuilder(resource);
    }

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => new ResourceBuilder<T>(resource, this);

    /// <summary>A parameter from configuration (<c>Parameters:name</c>) or, if <paramref name="generate"/>, a random value kept in the state folder.</summary>
    public IResourceBuilder<ParameterResource> AddParameter(string name, bool secret = false, bool generate = false)
    {
        var parameter = new ParameterResource(name, secret) { Value = Configuration[$"Parameters:{name}"] };
        if (parameter.Value is null && generate)
        {
            _generatedParameters.Add(parameter);
        }
        return AddResource(parameter);
    }

    private readonly List<ParameterResource> _generatedParameters = [];

    public DistributedApplication Build()
    {
        var app = new DistributedApplication(this, new DistributedApplicationModel(_resources.ToArray()));
        TestingHook.Current?.OnBuilt(this);
        return app;
    }

    /// <summary>Gives generated parameters the value kept from earlier runs, or a new random one that is kept.</summary>
    internal void ResolveGeneratedParameters()
    {
        if (_generatedParameters.Count == 0)
        {
            return;
        }
        var file = Path.Combine(Options.StateDirectory, "parameters.json");
        var values = File.Exists(file)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? []
            : [];
        foreach (var parameter in _generatedParameters)
        {
            if (!values.TryGetValue(parameter.Name, out var value))
            {
                value = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
                values[parameter.Name] = value;
            }
            parameter.Value = value;
        }
        Directory.CreateDirectory(Options.StateDirectory);
        File.WriteAllText(file, JsonSerializer.Serialize(values));
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static string FindAppHostDirectory(Assembly appHostAssembly)
    {
        var projectPath = appHostAssembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "AppHostProjectPath")?.Value;
        return projectPath is not null ? Path.GetDirectoryName(projectPath)! : AppContext.BaseDirectory;
    }
}
