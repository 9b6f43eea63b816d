namespace DanceAspire.Hosting.Tests;

public sealed class ParameterTests
{
    [Fact]
    public async Task A_generated_parameter_keeps_its_value_across_runs_on_the_same_state_folder()
    {
        await using var sandbox = new NodeSandbox();

        var first = await RunAsync(sandbox, sandbox.CreateBuilder());
        var second = await RunAsync(sandbox, sandbox.CreateBuilder());

        Assert.Matches("^[0-9a-f]{32}$", first);
        Assert.Equal(first, second);
        // The kept values are secrets: only their owner may read them.
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite,
            File.GetUnixFileMode(Path.Combine(sandbox.StateDirectory, "parameters.json")));
    }

    [Fact]
    public async Task A_generated_parameter_gets_a_different_value_in_a_fresh_state_folder()
    {
        await using var sandbox = new NodeSandbox();

        var first = await RunAsync(sandbox, sandbox.CreateBuilder());
        var fresh = await RunAsync(sandbox, sandbox.CreateBuilder(options => options.StateDirectory = Path.Combine(sandbox.Root, "fresh")));

        Assert.NotEqual(first, fresh);
    }

    [Fact]
    public async Task A_configured_value_wins_over_the_generated_one_without_replacing_the_kept_value()
    {
        await using var sandbox = new NodeSandbox();

        var generated = await RunAsync(sandbox, sandbox.CreateBuilder());
        var configured = await RunAsync(sandbox, sandbox.CreateBuilder(args: "--Parameters:api-key=from-configuration"));
        var afterwards = await RunAsync(sandbox, sandbox.CreateBuilder());

        Assert.Equal("from-configuration", configured);
        Assert.Equal(generated, afterwards);
    }

    /// <summary>Starts and stops an application with one generated parameter, and returns the value it had.</summary>
    private static async Task<string> RunAsync(NodeSandbox sandbox, DistributedApplicationBuilder builder)
    {
        var parameter = builder.AddParameter("api-key", secret: true, generate: true);
        var app = sandbox.Build(builder);
        await app.StartAsync().WaitAsync(NodeSandbox.Patience);
        await app.StopAsync();
        return parameter.Resource.GetValue();
    }
}
