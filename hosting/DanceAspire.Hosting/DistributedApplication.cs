using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace DanceAspire.Hosting;

/// <summary>The built application: starts, runs until Ctrl+C / SIGTERM, and stops every resource it started.</summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly DistributedApplicationBuilder _builder;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private Orchestrator? _orchestrator;
    private DashboardServer? _dashboard;
    private readonly Dictionary<IResource, ResourceInstance[]> _instances = [];

    internal DistributedApplication(DistributedApplicationBuilder builder, DistributedApplicationModel model)
    {
        _builder = builder;
        Model = model;
        _loggerFactory = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; })
            .SetMinimumLevel(LogLevel.Information));
        _logger = _loggerFactory.CreateLogger("DanceAspire.Hosting");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static DistributedApplicationBuilder CreateBuilder(string[] args)
    {
        var hook = TestingHook.Current;
        return new DistributedApplicationBuilder(args, Assembly.GetCallingAssembly(), hook?.Configure);
    }

    public DistributedApplicationModel Model { get; }
    public DistributedApplicationOptions Options => _builder.Options;

    /// <summary>Every instance (replica) of every resource, in declaration order.</summary>
    public IReadOnlyList<ResourceInstance> Instances => _instances.Values.SelectMany(i => i).ToArray();

    public IReadOnlyList<ResourceInstance> GetInstances(string resourceName) =>
        _instances.TryGetValue(Model.Find(resourceName), out var instances) ? instances : [];

    /// <summary>Starts every resource and returns once all are running (and healthy, where they have a check).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        Directory.CreateDirectory(Options.StateDirectory);
        // The postgres user must be able to reach its data folder inside the state folder.
        File.SetUnixFileMode(Options.StateDirectory, (UnixFileMode)0b111_101_101);
        var pidFiles = new PidFiles(Path.Combine(Options.StateDirectory, "pids"), _logger);
        await pidFiles.RecoverOrphansAsync();
        _builder.ResolveGeneratedParameters();
        AllocateEndpoints();

        var context = new RunContext(Options.StateDirectory, _logger, _instances);
        _orchestrator = new Orchestrator(Model, context, pidFiles, Options);
        if (Options.DashboardEnabled)
        {
            _dashboard = new DashboardServer(this, Options);
            await _dashboard.StartAsync(cancellationToken);
            _logger.LogInformation("Dashboard: {Url}", _dashboard.Url);
        }
        _logger.LogInformation("Starting {Count} resources; state in {State}", Model.Resources.Count(r => r is not ParameterResource), Options.StateDirectory);
        await _orchestrator.StartAsync(cancellationToken);
        _logger.LogInformation("All resources are running and healthy after {Seconds:0.0} s", stopwatch.Elapsed.TotalSeconds);
        foreach (var external in Model.Resources.OfType<ProcessResource>().Where(r => r.Endpoints.Any(e => e.IsExternal)))
        {
            _logger.LogInformation("{Resource}: {Url}", external.Name, _instances[external][0].GetUrl(host: "localhost"));
        }
    }

    public async Task StopAsync()
    {
        if (_orchestrator is not null)
        {
            _logger.LogInformation("Stopping all resources");
            await _orchestrator.StopAsync();
        }
        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync();
            _dashboard = null;
        }
    }

    /// <summary>
    /// Stops every running replica of a process resource (the dashboard's Stop); resources that depend on it keep
    /// running and see it gone, as after a crash. <see cref="StartResourceAsync"/> brings it back.
    /// </summary>
    public Task StopResourceAsync(string resourceName) => Running.StopInstancesAsync(ProcessResourceNamed(resourceName));

    /// <summary>Starts the stopped or exited replicas of a process resource again, on the same ports, and returns once they are healthy.</summary>
    public Task StartResourceAsync(string resourceName, CancellationToken cancellationToken = default) =>
        Running.StartStoppedInstancesAsync(ProcessResourceNamed(resourceName), cancellationToken);

    private Orchestrator Running => _orchestrator ?? throw new InvalidOperationException("The application has not been started.");

    private ProcessResource ProcessResourceNamed(string resourceName) => Model.Find(resourceName) as ProcessResource
        ?? throw new ArgumentException($"Resource '{resourceName}' is not a process that can be stopped and started.", nameof(resourceName));

    /// <summary>Runs until Ctrl+C or SIGTERM; a resource that cannot start stops the run with exit code 1.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; shutdown.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; shutdown.Cancel(); });
        try
        {
            await StartAsync(shutdown.Token);
            await Task.Delay(Timeout.Infinite, shutdown.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        catch (DistributedApplicationException e)
        {
            _logger.LogCritical("{Message}", e.Message);
            Environment.ExitCode = 1;
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
        }
        finally
        {
            await StopAsync();
            _loggerFactory.Dispose();
        }
    }

    public void Run() => RunAsync().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _loggerFactory.Dispose();
    }

    /// <summary>An HttpClient whose base address is the resource's endpoint (its first replica).</summary>
    public HttpClient CreateHttpClient(string resourceName, string endpointName = "http") =>
        new() { BaseAddress = GetEndpoint(resourceName, endpointName) };

    public Uri GetEndpoint(string resourceName, string endpointName = "http")
    {
        var instance = GetInstances(resourceName).FirstOrDefault()
            ?? throw new ArgumentException($"Resource '{resourceName}' has no running instance.", nameof(resourceName));
        return new Uri(instance.GetUrl(endpointName) ?? throw new ArgumentException($"Resource '{resourceName}' has no endpoint '{endpointName}'."));
    }

    public Task<string?> GetConnectionStringAsync(string resourceName) =>
        Task.FromResult(Model.Find(resourceName) is IResourceWithConnectionString r ? r.GetConnectionString() : null);

    public Uri? DashboardUrl => _dashboard is null ? null : new Uri(_dashboard.Url);

    private void AllocateEndpoints()
    {
        _instances.Clear();
        foreach (var resource in Model.Resources)
        {
            switch (resource)
            {
                case ProcessResource executable:
                    var instances = Enumerable.Range(0, executable.Replicas)
                        .Select(i => new ResourceInstance(resource, i, executable.Replicas == 1 ? resource.Name : $"{resource.Name}-{i}", Options.LogLinesPerResource))
                        .ToArray();
                    foreach (var endpoint in executable.Endpoints)
                    {
                        foreach (var instance in instances)
                        {
                            instance.Ports[endpoint.Name] = ChoosePort(resource, endpoint);
                        }
                    }
                    executable.Instances = instances;
                    _instances[resource] = instances;
                    break;
                case ChildResource:
                    _instances[resource] = [new ResourceInstance(resource, 0, resource.Name, Options.LogLinesPerResource)];
                    break;
            }
        }
    }

    private int ChoosePort(IResource resource, EndpointAnnotation endpoint)
    {
        // Ports:<resource> moves a fixed port (the gateway's 8080); endpoints on free ports stay free.
        var fixedPort = endpoint.Port is null ? null : _builder.Configuration.GetValue<int?>($"Ports:{resource.Name}") ?? endpoint.Port;
        if (fixedPort is not { } port || Options.RandomizePorts)
        {
            return PortAllocator.GetFreePort();
        }
        if (!PortAllocator.IsFree(port))
        {
            throw new DistributedApplicationException(
                $"Resource '{resource.Name}': port {port} is already in use. Stop what listens there, or choose another port with Ports__{resource.Name}=<port>.");
        }
        return port;
    }
}
