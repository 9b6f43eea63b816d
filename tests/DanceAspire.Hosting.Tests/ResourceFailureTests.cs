using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DanceAspire.Hosting.Tests;

public sealed class ResourceFailureTests
{
    [Fact]
    public async Task A_process_that_exits_after_it_started_shows_as_exited_with_its_code_and_is_not_restarted()
    {
        await using var sandbox = new NodeSandbox();
        var builder = sandbox.CreateBuilder();
        // Healthy once, then exits with code 3.
        sandbox.AddNode(builder, "oneshot", """
            record('started ' + name);
            let answered = false;
            serve((req, res) => {
              reply(res, 200, 'ok');
              if (!answered) { answered = true; setTimeout(() => process.exit(3), 300); }
            });
            """).WithHttpEndpoint(env: "PORT").WithHttpHealthCheck("/health");
        var app = sandbox.Build(builder);
        await app.StartAsync().WaitAsync(NodeSandbox.Patience);
        var instance = app.GetInstances("oneshot").Single();
        var pid = instance.Pid;

        await Eventually.TrueAsync(() => instance.State == ResourceStates.Exited, "the instance shows as Exited");
        // Time in which a restart policy would have acted.
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(ResourceStates.Exited, instance.State);
        Assert.Equal(3, instance.ExitCode);
        Assert.Equal(pid, instance.Pid);
        Assert.Equal(["started oneshot"], sandbox.ReadEvents());
    }

    [Fact]
    public async Task A_process_that_exits_before_it_is_healthy_fails_StartAsync_with_its_name_code_and_last_output()
    {
        await using var sandbox = new NodeSandbox();
        var builder = sandbox.CreateBuilder();
        sandbox.AddNode(builder, "crasher", """
            console.log('loading configuration');
            console.error('fatal: BLOB_CONTAINER is not set');
            process.exit(2);
            """).WithHttpEndpoint(env: "PORT").WithHttpHealthCheck("/health");
        var app = sandbox.Build(builder);

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync().WaitAsync(NodeSandbox.Patience));

        Assert.Contains("'crasher'", error.Message);
        Assert.Contains("code 2", error.Message);
        Assert.Contains("loading configuration", error.Message);
        Assert.Contains("fatal: BLOB_CONTAINER is not set", error.Message);
    }

    [Fact]
    public async Task A_health_check_that_never_passes_fails_StartAsync_after_the_startup_timeout_naming_the_resource()
    {
        await using var sandbox = new NodeSandbox();
        var builder = sandbox.CreateBuilder(options => options.StartupTimeout = TimeSpan.FromSeconds(2));
        sandbox.AddNode(builder, "stuck", "serve((req, res) => reply(res, 503, 'never ready'));")
            .WithHttpEndpoint(env: "PORT").WithHttpHealthCheck("/health");
        var app = sandbox.Build(builder);
        var stopwatch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync().WaitAsync(NodeSandbox.Patience));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(15), $"took {stopwatch.Elapsed}");
        Assert.Contains("'stuck'", error.Message);
        Assert.Contains("did not become healthy within 2 s", error.Message);
        var instance = app.GetInstances("stuck").Single();
        Assert.Equal(ResourceStates.FailedToStart, instance.State);
        await app.StopAsync().WaitAsync(NodeSandbox.Patience);
        Assert.False(Processes.IsAlive(instance.Pid!.Value), "the unhealthy process outlived StopAsync");
    }

    [Fact]
    public async Task A_fixed_port_already_in_use_fails_StartAsync_naming_the_resource_and_the_port_before_anything_starts()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        await using var sandbox = new NodeSandbox();
        var builder = sandbox.CreateBuilder(options => options.RandomizePorts = false);
        sandbox.AddService(builder, "fixed").WithHttpEndpoint(port: port, env: "PORT");
        var app = sandbox.Build(builder);

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync().WaitAsync(NodeSandbox.Patience));

        Assert.Contains("'fixed'", error.Message);
        Assert.Contains($"port {port}", error.Message);
        Assert.Empty(sandbox.ReadEvents());
    }

    [Fact]
    public async Task A_resource_waiting_for_one_that_failed_is_never_started_and_the_error_names_the_one_that_failed()
    {
        await using var sandbox = new NodeSandbox();
        var builder = sandbox.CreateBuilder();
        var db = sandbox.AddNode(builder, "db", "process.exit(1);").WithHttpEndpoint(env: "PORT").WithHttpHealthCheck("/health");
        sandbox.AddService(builder, "api").WaitFor(db);
        var app = sandbox.Build(builder);

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync().WaitAsync(NodeSandbox.Patience));

        Assert.StartsWith("Resource 'db'", error.Message);
        Assert.DoesNotContain("started api", sandbox.ReadEvents());
        var api = app.GetInstances("api").Single();
        Assert.Equal(ResourceStates.FailedToStart, api.State);
        Assert.Null(api.Pid);
        Assert.Contains("'db'", api.StateDetail);
    }
}
