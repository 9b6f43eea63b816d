using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DanceAspire.Hosting.Tests;

/// <summary>An application with the dashboard on random ports: "talker" prints what /say asks it to; "quiet" has two replicas and no endpoint.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private readonly NodeSandbox _sandbox = new();

    public DistributedApplication App { get; private set; } = null!;
    public HttpClient Dashboard { get; private set; } = null!;
    public HttpClient Talker { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = _sandbox.CreateBuilder(options => options.DashboardEnabled = true);
        _sandbox.AddNode(builder, "talker", """
            console.log('hello from ' + name);
            serve((req, res) => {
              const url = new URL(req.url, 'http://127.0.0.1');
              if (url.pathname === '/say') console.log(url.searchParams.get('text'));
              reply(res, 200, url.pathname === '/env' ? JSON.stringify(process.env) : 'ok');
            });
            """).WithHttpEndpoint(env: "PORT").WithHttpHealthCheck("/health");
        _sandbox.AddNode(builder, "quiet", "setInterval(() => {}, 1000);").WithReplicas(2);
        App = _sandbox.Build(builder);
        await App.StartAsync().WaitAsync(NodeSandbox.Patience);
        Dashboard = new HttpClient { BaseAddress = App.DashboardUrl, Timeout = TimeSpan.FromSeconds(10) };
        Talker = App.CreateHttpClient("talker");
    }

    public async Task DisposeAsync()
    {
        Dashboard?.Dispose();
        Talker?.Dispose();
        await _sandbox.DisposeAsync();
    }
}

public sealed class DashboardApiTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task The_resources_api_lists_every_instance_with_its_state_health_endpoints_and_pid()
    {
        using var resources = JsonDocument.Parse(await fixture.Dashboard.GetStringAsync("/api/resources"));
        var byName = resources.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);

        Assert.Equal(["quiet-0", "quiet-1", "talker"], byName.Keys.Order());
        var talker = byName["talker"];
        var instance = fixture.App.GetInstances("talker")[0];
        Assert.Equal(ResourceStates.Running, talker.GetProperty("state").GetString());
        Assert.Equal("Healthy", talker.GetProperty("health").GetString());
        Assert.Equal(instance.Pid, talker.GetProperty("pid").GetInt32());
        Assert.Equal("Executable", talker.GetProperty("type").GetString());
        var endpoint = Assert.Single(talker.GetProperty("endpoints").EnumerateArray());
        Assert.Equal("http", endpoint.GetProperty("name").GetString());
        Assert.Equal(instance.GetUrl(), endpoint.GetProperty("url").GetString());
        foreach (var (replica, index) in new[] { ("quiet-0", 0), ("quiet-1", 1) })
        {
            var quiet = byName[replica];
            Assert.Equal("quiet", quiet.GetProperty("resource").GetString());
            Assert.Equal(index, quiet.GetProperty("replica").GetInt32());
            Assert.Equal(ResourceStates.Running, quiet.GetProperty("state").GetString());
            Assert.Equal(JsonValueKind.Null, quiet.GetProperty("health").ValueKind);
            Assert.Equal(fixture.App.GetInstances("quiet")[index].Pid, quiet.GetProperty("pid").GetInt32());
            Assert.Empty(quiet.GetProperty("endpoints").EnumerateArray());
        }
    }

    [Fact]
    public async Task The_logs_api_returns_the_lines_the_process_printed_and_only_newer_ones_after_a_sequence_number()
    {
        LogLine? hello = null;
        await Eventually.TrueAsync(async () =>
        {
            hello = (await GetLogsAsync("/api/resources/talker/logs")).FirstOrDefault(l => l.Text == "hello from talker");
            return hello is not null;
        }, "the dashboard has talker's first line");

        var newer = await GetLogsAsync($"/api/resources/talker/logs?after={hello!.Sequence}");

        Assert.All(newer, l => Assert.True(l.Sequence > hello.Sequence));
        Assert.DoesNotContain(newer, l => l.Text == "hello from talker");
        using var unknown = await fixture.Dashboard.GetAsync("/api/resources/nobody/logs");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_log_stream_delivers_a_line_printed_after_subscribing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var response = await fixture.Dashboard.GetAsync("/api/resources/talker/logs/stream", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        // The buffered lines come first; once the first one arrived, the subscription is live.
        await ReadUntilAsync(events, "hello from talker", timeout.Token);
        var marker = "printed after subscribing " + Guid.NewGuid().ToString("N");

        using var said = await fixture.Talker.GetAsync("/say?text=" + Uri.EscapeDataString(marker), timeout.Token);
        said.EnsureSuccessStatusCode();

        await ReadUntilAsync(events, marker, timeout.Token);
    }

    [Fact]
    public async Task The_OTLP_receiver_accepts_a_trace_export_and_services_are_told_its_endpoint()
    {
        var otlp = fixture.App.Options.OtlpEndpoint;
        Assert.NotNull(otlp);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var export = new ByteArrayContent([]);
        export.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");

        using var response = await http.PostAsync(otlp + "/v1/traces", export);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var telemetry = JsonDocument.Parse(await fixture.Dashboard.GetStringAsync("/api/telemetry"));
        Assert.True(telemetry.RootElement.GetProperty("traces").GetInt64() >= 1);
        var environment = JsonSerializer.Deserialize<Dictionary<string, string>>(await fixture.Talker.GetStringAsync("/env"))!;
        Assert.Equal(otlp, environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("http/protobuf", environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
    }

    private async Task<LogLine[]> GetLogsAsync(string path) =>
        await fixture.Dashboard.GetFromJsonAsync<LogLine[]>(path) ?? [];

    /// <summary>Reads server-sent events until one carries a log line with exactly <paramref name="text"/>.</summary>
    private static async Task ReadUntilAsync(StreamReader events, string text, CancellationToken cancellationToken)
    {
        while (await events.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal)
                && JsonSerializer.Deserialize<LogLine>(line["data: ".Length..], JsonSerializerOptions.Web)?.Text == text)
            {
                return;
            }
        }
        Assert.Fail($"The stream ended before the line '{text}'.");
    }
}
