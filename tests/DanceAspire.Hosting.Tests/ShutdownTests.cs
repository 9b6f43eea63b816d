namespace DanceAspire.Hosting.Tests;

public sealed class ShutdownTests
{
    [Fact]
    public async Task StopAsync_stops_dependents_before_the_resources_they_depend_on_and_leaves_no_process_running()
    {
        await using var sandbox = new NodeSandbox();
        var builder = sandbox.CreateBuilder();
        var db = sandbox.AddService(builder, "db");
        var api = sandbox.AddService(builder, "api").WaitFor(db);
        sandbox.AddService(builder, "gateway").WithReference(api).WaitFor(api);
        // A reference alone (no WaitFor) orders the stop as well.
        sandbox.AddService(builder, "worker").WithReference(db);
        var app = sandbox.Build(builder);
        await app.StartAsync().WaitAsync(NodeSandbox.Patience);
        var pids = app.Instances.Select(i => i.Pid!.Value).ToArray();

        await app.StopAsync().WaitAsync(NodeSandbox.Patience);

        var stopped = sandbox.ReadEvents().Where(e => e.StartsWith("stopped ", StringComparison.Ordinal)).ToList();
        var order = string.Join(", ", stopped);
        Assert.Equal(["stopped api", "stopped db", "stopped gateway", "stopped worker"], stopped.Order());
        Assert.True(stopped.IndexOf("stopped gateway") < stopped.IndexOf("stopped api"), order);
        Assert.True(stopped.IndexOf("stopped api") < stopped.IndexOf("stopped db"), order);
        Assert.True(stopped.IndexOf("stopped worker") < stopped.IndexOf("stopped db"), order);
        Assert.All(pids, pid => Assert.False(Processes.IsAlive(pid), $"process {pid} is still running"));
        Assert.Empty(Directory.GetFiles(Path.Combine(sandbox.StateDirectory, "pids")));
        await Eventually.TrueAsync(() => app.Instances.All(i => i.State == ResourceStates.Finished && i.ExitCode == 0),
            "every instance shows as Finished with exit code 0");
    }

    [Fact]
    public async Task StopAsync_kills_a_process_that_ignores_SIGTERM_together_with_the_child_it_spawned()
    {
        await using var sandbox = new NodeSandbox();
        var builder = sandbox.CreateBuilder(options => options.StopGracePeriod = TimeSpan.FromSeconds(1));
        // The child shares the parent's output pipe (as npm's children do) and ignores SIGTERM as well.
        sandbox.AddNode(builder, "stubborn", """
            const { spawn } = require('child_process');
            const child = spawn(process.execPath, ['-e',
              "process.on('SIGTERM', () => {}); require('fs').appendFileSync(process.env.EVENTS_FILE, 'child ready\\n'); setInterval(() => {}, 1000);"],
              { stdio: 'inherit' });
            record('child ' + child.pid);
            process.on('SIGTERM', () => record('ignored SIGTERM'));
            serve((req, res) => reply(res, 200, 'ok'));
            """).WithHttpEndpoint(env: "PORT").WithHttpHealthCheck("/health");
        var app = sandbox.Build(builder);
        await app.StartAsync().WaitAsync(NodeSandbox.Patience);
        await Eventually.TrueAsync(() => sandbox.ReadEvents().Contains("child ready"), "the child ignores SIGTERM");
        var parent = app.GetInstances("stubborn")[0].Pid!.Value;
        var child = int.Parse(sandbox.ReadEvents().Single(e => e.StartsWith("child ", StringComparison.Ordinal) && e != "child ready")["child ".Length..]);
        Assert.True(Processes.IsAlive(child));

        await app.StopAsync().WaitAsync(NodeSandbox.Patience);

        Assert.Contains("ignored SIGTERM", sandbox.ReadEvents());
        Assert.False(Processes.IsAlive(parent), $"the parent {parent} outlived StopAsync");
        Assert.True(await Processes.WaitUntilGoneAsync(child), $"the child {child} outlived StopAsync");
    }

    [Fact]
    public async Task StopAsync_ends_what_a_process_that_already_exited_left_running_in_its_group()
    {
        await using var sandbox = new NodeSandbox();
        var builder = sandbox.CreateBuilder();
        sandbox.AddNode(builder, "launcher", """
            const { spawn } = require('child_process');
            const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
            record('child ' + child.pid);
            setTimeout(() => process.exit(0), 300);
            """);
        var app = sandbox.Build(builder);
        await app.StartAsync().WaitAsync(NodeSandbox.Patience);
        var launcher = app.GetInstances("launcher")[0];
        await Eventually.TrueAsync(() => launcher.State == ResourceStates.Exited, "the launcher exited");
        var child = int.Parse(sandbox.ReadEvents().Single(e => e.StartsWith("child ", StringComparison.Ordinal))["child ".Length..]);
        Assert.True(Processes.IsAlive(child));

        await app.StopAsync().WaitAsync(NodeSandbox.Patience);

        Assert.True(await Processes.WaitUntilGoneAsync(child), $"the child {child} outlived StopAsync");
    }
}
