using Microsoft.Extensions.Logging.Abstractions;

namespace DanceAspire.Hosting.Tests;

/// <summary>
/// The connection strings of the infrastructure resources, with ports assigned by hand instead of starting
/// PostgreSQL, Redis and Azurite (the integration tests start the real ones).
/// </summary>
public sealed class ConnectionStringTests
{
    [Fact]
    public async Task Infrastructure_connection_strings_have_the_shapes_their_clients_parse()
    {
        await using var sandbox = new NodeSandbox();
        var graph = Declare(sandbox);

        Assert.Equal(
            $"Host=127.0.0.1;Port=15432;Username=postgres;Password={graph.Postgres.Password.GetValue()};Database=dance",
            graph.Database.GetConnectionString());
        Assert.Equal($"127.0.0.1:16379,password={graph.Redis.Password.GetValue()}", graph.Redis.GetConnectionString());
        var blobs = graph.Blobs.GetConnectionString().Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        Assert.Equal("http", blobs["DefaultEndpointsProtocol"]);
        Assert.Equal("devstoreaccount1", blobs["AccountName"]);
        Assert.Equal(AzureStorageResource.AccountKey, blobs["AccountKey"]);
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", blobs["BlobEndpoint"]);
    }

    [Fact]
    public async Task Generated_infrastructure_passwords_are_distinct_random_hex()
    {
        await using var sandbox = new NodeSandbox();
        var graph = Declare(sandbox);

        Assert.Matches("^[0-9a-f]{32}$", graph.Postgres.Password.GetValue());
        Assert.Matches("^[0-9a-f]{32}$", graph.Redis.Password.GetValue());
        Assert.NotEqual(graph.Postgres.Password.GetValue(), graph.Redis.Password.GetValue());
    }

    [Fact]
    public async Task A_project_gets_ConnectionStrings_for_its_references_and_ASPNETCORE_URLS_for_its_endpoint()
    {
        await using var sandbox = new NodeSandbox();
        var graph = Declare(sandbox);
        var api = graph.Builder.AddProject<Projects.DanceAspire_Api>("api")
            .WithReference(graph.Builder.CreateResourceBuilder(graph.Database))
            .WithReference(graph.Builder.CreateResourceBuilder(graph.Redis))
            .WithReference(graph.Builder.CreateResourceBuilder(graph.Blobs));
        var gateway = graph.Builder.AddProject<Projects.DanceAspire_Gateway>("gateway").WithExternalHttpEndpoints();
        var apiInstance = Allocate(api.Resource, "http", 15000);
        var gatewayInstance = Allocate(gateway.Resource, "http", 15001);
        var context = new RunContext(sandbox.StateDirectory, NullLogger.Instance, new Dictionary<IResource, ResourceInstance[]>());

        var apiVariables = EnvironmentBuilder.Build(api.Resource, apiInstance, context, graph.Builder.Options);
        var gatewayVariables = EnvironmentBuilder.Build(gateway.Resource, gatewayInstance, context, graph.Builder.Options);

        Assert.Equal(graph.Database.GetConnectionString(), apiVariables["ConnectionStrings__dancedb"]);
        Assert.Equal(graph.Redis.GetConnectionString(), apiVariables["ConnectionStrings__redis"]);
        Assert.Equal(graph.Blobs.GetConnectionString(), apiVariables["ConnectionStrings__blobs"]);
        // Internal endpoints listen on IPv4 loopback only; external ones on localhost.
        Assert.Equal("http://127.0.0.1:15000", apiVariables["ASPNETCORE_URLS"]);
        Assert.Equal("http://localhost:15001", gatewayVariables["ASPNETCORE_URLS"]);
        Assert.DoesNotContain(gatewayVariables.Keys, k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_connection_string_asked_for_before_ports_are_allocated_names_the_resource()
    {
        await using var sandbox = new NodeSandbox();
        var builder = sandbox.CreateBuilder();
        var redis = builder.AddRedis("redis");

        var error = Assert.Throws<InvalidOperationException>(() => redis.Resource.GetConnectionString());

        Assert.Contains("'redis'", error.Message);
    }

    private sealed record Graph(
        DistributedApplicationBuilder Builder, PostgresServerResource Postgres, PostgresDatabaseResource Database,
        RedisResource Redis, AzureBlobStorageResource Blobs);

    /// <summary>PostgreSQL (database "dance"), Redis and Azurite blobs, with generated passwords and fixed ports.</summary>
    private static Graph Declare(NodeSandbox sandbox)
    {
        var builder = sandbox.CreateBuilder();
        var postgres = builder.AddPostgres("postgres");
        var database = postgres.AddDatabase("dancedb", "dance");
        var redis = builder.AddRedis("redis");
        var storage = builder.AddAzureStorage("storage").RunAsEmulator();
        var blobs = storage.AddBlobs("blobs");
        builder.ResolveGeneratedParameters();
        Allocate(postgres.Resource, "tcp", 15432);
        Allocate(redis.Resource, "tcp", 16379);
        Allocate(storage.Resource, "blob", 10000);
        return new Graph(builder, postgres.Resource, database.Resource, redis.Resource, blobs.Resource);
    }

    /// <summary>What the application does for a single-replica resource when it starts: one instance with its port.</summary>
    private static ResourceInstance Allocate(ProcessResource resource, string endpoint, int port)
    {
        var instance = new ResourceInstance(resource, 0, resource.Name, logCapacity: 10);
        instance.Ports[endpoint] = port;
        resource.Instances = [instance];
        return instance;
    }
}
