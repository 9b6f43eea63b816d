using System.Diagnostics;
using System.Net.Http.Json;

namespace DanceAspire.IntegrationTests;

[Collection(StackCollection.Name)]
public sealed class DashboardTests(StackFixture stack)
{
    private sealed record Endpoint(string Name, string Url, bool External);
    private sealed record ResourceRow(string Name, string Resource, string Type, int Replica, string State, string? Health, int? Pid, int? ExitCode, List<Endpoint> Endpoints);

    private async Task<List<ResourceRow>> ReadResourcesAsync()
    {
        using var dashboard = new HttpClient { BaseAddress = stack.App.DashboardUrl };
        return (await dashboard.GetFromJsonAsync<List<ResourceRow>>("/api/resources"))!;
    }

    [Fact]
    public async Task The_dashboard_lists_every_resource_running_with_its_health_and_endpoints()
    {
        var rows = await ReadResourcesAsync();

        // The AppHost's graph, plus the test worker the test stack adds.
        var expected = new[] { "postgres", "dancedb", "redis", "storage", "blobs", "api", "dispatcher", "analysis-worker",
            "generation-worker", "assembler-0", "assembler-1", "web", "gateway", "test-worker" };
        Assert.Equal(expected.Order(), rows.Select(r => r.Name).Order());
        var api = rows.Single(r => r.Name == "api");
        Assert.Equal("Project", api.Type);
        Assert.NotNull(api.Pid);
        Assert.Single(api.Endpoints);
        var gateway = rows.Single(r => r.Name == "gateway");
        Assert.True(gateway.Endpoints.Single().External);
        Assert.Equal([0, 1], rows.Where(r => r.Resource == "assembler").Select(r => r.Replica).Order());
        Assert.All(rows, r => Assert.Equal("Running", r.State));
        Assert.All(rows.Where(r => r.Type is "Project" or "NpmApp"), r => Assert.Equal("Healthy", r.Health));
    }

    [Fact]
    public async Task The_dashboard_streams_a_resource_console_output()
    {
        using var dashboard = new HttpClient { BaseAddress = stack.App.DashboardUrl };
        var lines = await dashboard.GetFromJsonAsync<List<LogLine>>("/api/resources/api/logs");

        Assert.Contains(lines!, l => l.Text.Contains("Now listening on"));
    }

    [Fact]
    public async Task A_worker_killed_with_signal_9_shows_as_exited_and_is_not_restarted()
    {
        var worker = (await ReadResourcesAsync()).Single(r => r.Name == "analysis-worker");
        Process.GetProcessById(worker.Pid!.Value).Kill();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        ResourceRow row;
        do
        {
            await Task.Delay(200);
            row = (await ReadResourcesAsync()).Single(r => r.Name == "analysis-worker");
        }
        while (row.State != "Exited" && DateTime.UtcNow < deadline);

        try
        {
            Assert.Equal("Exited", row.State);
            Assert.Equal(137, row.ExitCode);
            Assert.Equal(worker.Pid, row.Pid);
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal("Exited", (await ReadResourcesAsync()).Single(r => r.Name == "analysis-worker").State);
        }
        finally
        {
            // The dashboard's Start brings it back (healthy) for the analysis tests that share this stack.
            await stack.App.StartResourceAsync("analysis-worker");
        }
        Assert.Equal("Running", (await ReadResourcesAsync()).Single(r => r.Name == "analysis-worker").State);
    }
}
