namespace DanceAspire.Hosting.Tests;

/// <summary>
/// One test's temporary folder: the Node.js scripts it runs as resources, the events those scripts record,
/// and the state folder of the applications built on it. Disposing stops the applications and deletes it all.
/// </summary>
internal sealed class NodeSandbox : IAsyncDisposable
{
    // Every script starts with these: record(line) appends to the shared events file (appends are atomic,
    // so the file's order is the order things happened); serve(handler) listens on the allocated PORT.
    private const string Prelude = """
        'use strict';
        const fs = require('fs');
        const http = require('http');
        const name = process.env.RESOURCE_NAME;
        const record = line => fs.appendFileSync(process.env.EVENTS_FILE, line + '\n');
        const serve = handler => http.createServer(handler).listen(Number(process.env.PORT), '127.0.0.1');
        const reply = (res, status, body) => { res.writeHead(status, { 'content-type': 'text/plain' }); res.end(body); };

        """;

    /// <summary>A well-behaved service: records its start, answers every request with 200, records a clean stop on SIGTERM.</summary>
    public const string ServiceScript = """
        record('started ' + name);
        process.on('SIGTERM', () => { record('stopped ' + name); process.exit(0); });
        serve((req, res) => reply(res, 200, 'ok'));
        """;

    /// <summary>A generous upper bound for a start or stop of a few node processes, so a hang fails instead of blocking the run.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly List<DistributedApplication> _apps = [];

    public NodeSandbox()
    {
        Root = DistributedApplicationTestingBuilder.CreateStateDirectory();
        Directory.CreateDirectory(ScriptsDirectory);
    }

    public string Root { get; }
    public string StateDirectory => Path.Combine(Root, "state");
    public string ScriptsDirectory => Path.Combine(Root, "scripts");
    public string EventsFile => Path.Combine(Root, "events.log");

    /// <summary>A builder on this sandbox's state folder: random ports, no dashboard, short timeouts unless <paramref name="configure"/> says otherwise.</summary>
    public DistributedApplicationBuilder CreateBuilder(Action<DistributedApplicationOptions>? configure = null, params string[] args) =>
        new(args, typeof(NodeSandbox).Assembly, options =>
        {
            options.StateDirectory = StateDirectory;
            options.RandomizePorts = true;
            options.DashboardEnabled = false;
            options.StartupTimeout = TimeSpan.FromSeconds(30);
            options.StopGracePeriod = TimeSpan.FromSeconds(5);
            configure?.Invoke(options);
        });

    /// <summary>An executable running <paramref name="script"/> (after the prelude) with node.</summary>
    public IResourceBuilder<ExecutableResource> AddNode(DistributedApplicationBuilder builder, string name, string script)
    {
        var file = $"{name}.js";
        File.WriteAllText(Path.Combine(ScriptsDirectory, file), Prelude + script);
        return builder.AddExecutable(name, "node", ScriptsDirectory, file)
            .WithEnvironment("RESOURCE_NAME", name)
            .WithEnvironment("EVENTS_FILE", EventsFile);
    }

    /// <summary>A <see cref="ServiceScript"/> resource with an http endpoint (PORT) and a /health check.</summary>
    public IResourceBuilder<ExecutableResource> AddService(DistributedApplicationBuilder builder, string name) =>
        AddNode(builder, name, ServiceScript).WithHttpEndpoint(env: "PORT").WithHttpHealthCheck("/health");

    /// <summary>Builds the application and stops it when the sandbox is disposed.</summary>
    public DistributedApplication Build(DistributedApplicationBuilder builder)
    {
        var app = builder.Build();
        _apps.Add(app);
        return app;
    }

    public IReadOnlyList<string> ReadEvents() => File.Exists(EventsFile) ? File.ReadAllLines(EventsFile) : [];

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var app in _apps)
            {
                await app.DisposeAsync();
            }
        }
        finally
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
