namespace DanceAspire.Hosting.Tests;

public sealed class WaitForTests
{
    [Fact]
    public async Task A_resource_that_waits_for_another_starts_only_after_that_one_answers_its_health_check()
    {
        await using var sandbox = new NodeSandbox();
        var builder = sandbox.CreateBuilder();
        // Unhealthy (503) for the first 500 ms after the first probe, then healthy.
        var db = sandbox.AddNode(builder, "db", """
            let readyAt = null;
            let healthy = false;
            serve((req, res) => {
              if (readyAt === null) { readyAt = Date.now() + 500; record('warming db'); }
              if (Date.now() < readyAt) return reply(res, 503, 'warming up');
              if (!healthy) { healthy = true; record('healthy db'); }
              reply(res, 200, 'ok');
            });
            """).WithHttpEndpoint(env: "PORT").WithHttpHealthCheck("/health");
        sandbox.AddService(builder, "api").WaitFor(db);
        var app = sandbox.Build(builder);

        await app.StartAsync().WaitAsync(NodeSandbox.Patience);

        Assert.Equal(["warming db", "healthy db", "started api"], sandbox.ReadEvents());
    }

    [Fact]
    public async Task Resources_without_a_dependency_between_them_start_without_waiting_for_each_other()
    {
        await using var sandbox = new NodeSandbox();
        var builder = sandbox.CreateBuilder();
        // Never healthy until the other one has started: a serial start-up would time out.
        sandbox.AddNode(builder, "first", """
            serve((req, res) => {
              const peerStarted = fs.existsSync(process.env.EVENTS_FILE) && fs.readFileSync(process.env.EVENTS_FILE, 'utf8').includes('started second');
              reply(res, peerStarted ? 200 : 503, 'waiting for second');
            });
            """).WithHttpEndpoint(env: "PORT").WithHttpHealthCheck("/health");
        sandbox.AddService(builder, "second");
        var app = sandbox.Build(builder);

        await app.StartAsync().WaitAsync(NodeSandbox.Patience);

        Assert.All(app.Instances, i => Assert.Equal(ResourceStates.Running, i.State));
    }
}
