using System.Text.Json;

namespace DanceAspire.Hosting.Tests;

/// <summary>The variables Aspire gives a service, so it never knows which host started it.</summary>
public sealed class EnvironmentContractTests
{
    // Answers /env with its whole environment as JSON.
    private const string EnvironmentEcho = """
        serve((req, res) => reply(res, 200, req.url === '/env' ? JSON.stringify(process.env) : 'ok'));
        """;

    [Fact]
    public async Task A_service_gets_its_references_endpoints_telemetry_identity_parameters_and_own_variables()
    {
        await using var sandbox = new NodeSandbox();
        var builder = sandbox.CreateBuilder(options => options.EnvironmentName = "Staging", "--Parameters:greeting=hello");
        var greeting = builder.AddParameter("greeting");
        var backend = sandbox.AddNode(builder, "backend", EnvironmentEcho)
            .WithHttpEndpoint(env: "PORT").WithHttpHealthCheck("/health").WithReplicas(2);
        sandbox.AddNode(builder, "frontend", EnvironmentEcho)
            .WithHttpEndpoint(env: "PORT").WithHttpHealthCheck("/health")
            .WithReference(backend).WithReference(greeting).WaitFor(backend)
            .WithEnvironment("FEATURE_FLAGS", "beta")
            .WithEnvironment("GREETING", greeting);
        var app = sandbox.Build(builder);
        await app.StartAsync().WaitAsync(NodeSandbox.Patience);
        var frontend = app.GetInstances("frontend").Single();
        var replicas = app.GetInstances("backend");

        var environment = await ReadEnvironmentAsync(frontend.GetUrl()!);

        Assert.Equal(replicas[0].GetUrl(), environment["services__backend__http__0"]);
        Assert.Equal(replicas[1].GetUrl(), environment["services__backend__http__1"]);
        Assert.DoesNotContain("services__backend__http__2", environment.Keys);
        Assert.Equal("frontend", environment["OTEL_SERVICE_NAME"]);
        Assert.Equal("service.instance.id=frontend", environment["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal("hello", environment["Parameters__greeting"]);
        Assert.Equal("hello", environment["GREETING"]);
        Assert.Equal("beta", environment["FEATURE_FLAGS"]);
        Assert.Equal(frontend.Ports["http"].ToString(), environment["PORT"]);
        Assert.Equal("Staging", environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Staging", environment["DOTNET_ENVIRONMENT"]);
    }

    [Fact]
    public async Task Replicas_get_distinct_ports_and_instance_names_and_each_service_url_reaches_its_replica()
    {
        await using var sandbox = new NodeSandbox();
        var builder = sandbox.CreateBuilder();
        var backend = sandbox.AddNode(builder, "backend", EnvironmentEcho)
            .WithHttpEndpoint(env: "PORT").WithHttpHealthCheck("/health").WithReplicas(2);
        sandbox.AddNode(builder, "frontend", EnvironmentEcho)
            .WithHttpEndpoint(env: "PORT").WithHttpHealthCheck("/health").WithReference(backend);
        var app = sandbox.Build(builder);
        await app.StartAsync().WaitAsync(NodeSandbox.Patience);
        var replicas = app.GetInstances("backend");
        var frontend = await ReadEnvironmentAsync(app.GetInstances("frontend").Single().GetUrl()!);

        Assert.Equal(["backend-0", "backend-1"], replicas.Select(r => r.Name));
        Assert.NotEqual(replicas[0].Ports["http"], replicas[1].Ports["http"]);
        Assert.NotEqual(replicas[0].Pid, replicas[1].Pid);
        for (var i = 0; i < replicas.Count; i++)
        {
            var replica = await ReadEnvironmentAsync(frontend[$"services__backend__http__{i}"]);
            Assert.Equal("backend", replica["OTEL_SERVICE_NAME"]);
            Assert.Equal($"service.instance.id=backend-{i}", replica["OTEL_RESOURCE_ATTRIBUTES"]);
            Assert.Equal(replicas[i].Ports["http"].ToString(), replica["PORT"]);
        }
    }

    [Fact]
    public async Task A_parameter_without_a_value_fails_StartAsync_naming_the_parameter_and_the_resource_that_needs_it()
    {
        await using var sandbox = new NodeSandbox();
        var builder = sandbox.CreateBuilder();
        var token = builder.AddParameter("api-token", secret: true);
        sandbox.AddService(builder, "client").WithEnvironment("API_TOKEN", token);
        var app = sandbox.Build(builder);

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync().WaitAsync(NodeSandbox.Patience));

        Assert.Contains("'client'", error.Message);
        Assert.Contains("'api-token'", error.Message);
        Assert.DoesNotContain("started client", sandbox.ReadEvents());
    }

    private static async Task<Dictionary<string, string>> ReadEnvironmentAsync(string baseUrl)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var json = await http.GetStringAsync(baseUrl.TrimEnd('/') + "/env");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(json)!;
    }
}
