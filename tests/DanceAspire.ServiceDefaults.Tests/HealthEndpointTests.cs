using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DanceAspire.ServiceDefaults.Tests;

public sealed class HealthEndpointTests : IAsyncLifetime
{
    private readonly Dictionary<string, Activity> _requestActivities = [];
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "DanceAspire.ServiceDefaults.Tests" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        builder.Services.AddHealthChecks().AddCheck("database", () => HealthCheckResult.Unhealthy("The database does not answer."));

        _app = builder.Build();
        _app.Use((context, next) =>
        {
            if (context.Features.Get<IHttpActivityFeature>()?.Activity is { } activity)
            {
                lock (_requestActivities)
                {
                    _requestActivities[context.Request.Path] = activity;
                }
            }
            return next(context);
        });
        _app.MapDefaultEndpoints();
        _app.MapGet("/moves", () => "done");
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    [Fact]
    public async Task Health_lists_every_check_and_answers_503_when_one_is_unhealthy()
    {
        using var response = await _client.GetAsync("/health");
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", report.RootElement.GetProperty("status").GetString());
        var checks = report.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal("Healthy", checks["self"].GetProperty("status").GetString());
        Assert.Equal("Unhealthy", checks["database"].GetProperty("status").GetString());
        Assert.Equal("The database does not answer.", checks["database"].GetProperty("description").GetString());
        Assert.True(checks["database"].GetProperty("durationMs").GetDouble() >= 0);
    }

    [Fact]
    public async Task Alive_runs_only_the_live_checks()
    {
        using var response = await _client.GetAsync("/alive");
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["self"], report.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Health_probes_are_left_out_of_traces_while_other_requests_are_recorded()
    {
        (await _client.GetAsync("/alive")).Dispose();
        (await _client.GetAsync("/moves")).Dispose();

        lock (_requestActivities)
        {
            Assert.False(_requestActivities["/alive"].Recorded);
            Assert.True(_requestActivities["/moves"].Recorded);
        }
    }

    [Fact]
    public async Task A_request_span_is_named_after_its_route_and_carries_the_http_attributes()
    {
        (await _client.GetAsync("/moves")).Dispose();

        lock (_requestActivities)
        {
            var span = _requestActivities["/moves"];
            Assert.Equal("GET /moves", span.DisplayName);
            Assert.Equal("/moves", span.GetTagItem("http.route"));
            Assert.Equal("GET", span.GetTagItem("http.request.method"));
            Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        }
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
