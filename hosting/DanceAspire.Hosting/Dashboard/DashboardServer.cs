using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DanceAspire.Hosting;

/// <summary>
/// The dashboard (Aspire's ports: UI on 18888, OTLP/HTTP on 18890): resources with state, endpoints,
/// health and live console logs. The OTLP receiver accepts telemetry now and counts it; the telemetry
/// views are built on it later.
/// </summary>
internal sealed class DashboardServer(DistributedApplication app, DistributedApplicationOptions options) : IAsyncDisposable
{
    private WebApplication? _web;
    private readonly ConcurrentDictionary<string, long> _telemetryBatches = new();

    public string Url { get; private set; } = "";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var uiPort = options.RandomizePorts ? PortAllocator.GetFreePort() : options.DashboardPort;
        var otlpPort = options.RandomizePorts ? PortAllocator.GetFreePort() : options.OtlpPort;
        foreach (var (port, what) in new[] { (uiPort, "dashboard"), (otlpPort, "dashboard OTLP receiver") })
        {
            if (!PortAllocator.IsFree(port))
            {
                throw new DistributedApplicationException($"The {what} port {port} is in use: is another AppHost running? Set Dashboard__Port / Dashboard__OtlpPort to move it.");
            }
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://localhost:{uiPort}", $"http://localhost:{otlpPort}");
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase);
        _web = builder.Build();
        MapUi(_web, uiPort);
        MapOtlp(_web, otlpPort);
        await _web.StartAsync(cancellationToken);
        Url = $"http://localhost:{uiPort}";
        options.OtlpEndpoint = $"http://127.0.0.1:{otlpPort}";
    }

    private void MapUi(WebApplication web, int port)
    {
        var ui = web.MapGroup("").RequireHost($"*:{port}");
        ui.MapGet("/", () => Results.Content(Page.Value, "text/html; charset=utf-8"));
        ui.MapGet("/api/resources", () => app.Instances.Select(ToDto));
        ui.MapGet("/api/resources/{instance}/logs", (string instance, long? after) =>
            Find(instance) is { } i ? Results.Ok(i.Logs.Snapshot(after ?? 0)) : Results.NotFound());
        ui.MapGet("/api/resources/{instance}/logs/stream", async (string instance, HttpContext http) =>
        {
            if (Find(instance) is not { } i)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            await foreach (var line in i.Logs.WatchAsync(http.RequestAborted).WithCancellation(http.RequestAborted))
            {
                await http.Response.WriteAsync($"id: {line.Sequence}\ndata: {JsonSerializer.Serialize(line, JsonSerializerOptions.Web)}\n\n", http.RequestAborted);
                await http.Response.Body.FlushAsync(http.RequestAborted);
            }
        });
        ui.MapGet("/api/telemetry", () => _telemetryBatches.ToDictionary());
    }

    private void MapOtlp(WebApplication web, int port)
    {
        var otlp = web.MapGroup("/v1").RequireHost($"*:{port}");
        foreach (var signal in new[] { "traces", "metrics", "logs" })
        {
            otlp.MapPost($"/{signal}", async (HttpContext http) =>
            {
                await http.Request.Body.CopyToAsync(Stream.Null);
                _telemetryBatches.AddOrUpdate(signal, 1, (_, n) => n + 1);
                // An empty Export*ServiceResponse message is zero bytes: full success.
                http.Response.ContentType = "application/x-protobuf";
            });
        }
    }

    private ResourceInstance? Find(string name) => app.Instances.FirstOrDefault(i => i.Name == name);

    private static object ToDto(ResourceInstance i) => new
    {
        name = i.Name,
        resource = i.Resource.Name,
        type = i.Resource switch { ProcessResource e => e.TypeName, ChildResource c => c.TypeName, _ => "Resource" },
        replica = i.Index,
        state = i.State,
        stateDetail = i.StateDetail,
        health = i.Health,
        pid = i.Pid,
        exitCode = i.ExitCode,
        startedAt = i.StartedAt,
        stoppedAt = i.StoppedAt,
        endpoints = i.Resource is ProcessResource executable
            ? executable.Endpoints.Select(ep => new { name = ep.Name, url = $"{ep.Scheme}://{(ep.IsExternal ? "localhost" : "127.0.0.1")}:{i.Ports[ep.Name]}", external = ep.IsExternal }).ToArray()
            : [],
    };

    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = typeof(DashboardServer).Assembly.GetManifestResourceStream("DanceAspire.Hosting.Dashboard.dashboard.html")!;
        return new StreamReader(stream).ReadToEnd();
    });

    public async ValueTask DisposeAsync()
    {
        if (_web is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _web.StopAsync(timeout.Token);
            await _web.DisposeAsync();
        }
    }
}
