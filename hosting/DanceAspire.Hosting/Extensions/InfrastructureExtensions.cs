namespace DanceAspire.Hosting;

public static class InfrastructureExtensions
{
    /// <summary>A PostgreSQL server; its superuser password is generated once and kept in the state folder.</summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this DistributedApplicationBuilder builder, string name)
    {
        var password = builder.AddParameter($"{name}-password", secret: true, generate: true);
        var server = new PostgresServerResource(name, password.Resource);
        server.Endpoints.Add(new EndpointAnnotation("tcp", "tcp", null, null));
        return builder.AddResource(server);
    }

    /// <summary>A database on the server, created when the server first becomes healthy.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> server, string name, string? databaseName = null) =>
        server.ApplicationBuilder.AddResource(new PostgresDatabaseResource(name, databaseName ?? name, server.Resource));

    /// <summary>A Redis server with a generated password.</summary>
    public static IResourceBuilder<RedisResource> AddRedis(this DistributedApplicationBuilder builder, string name)
    {
        var password = builder.AddParameter($"{name}-password", secret: true, generate: true);
        var redis = new RedisResource(name, password.Resource);
        redis.Endpoints.Add(new EndpointAnnotation("tcp", "tcp", null, null));
        return builder.AddResource(redis);
    }

    public static IResourceBuilder<AzureStorageResource> AddAzureStorage(this DistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new AzureStorageResource(name));

    /// <summary>Runs the storage account locally as Azurite, installed by npm from hosting/package.json.</summary>
    public static IResourceBuilder<AzureStorageResource> RunAsEmulator(this IResourceBuilder<AzureStorageResource> storage)
    {
        var resource = storage.Resource;
        resource.IsEmulator = true;
        resource.AzuriteDirectory = storage.ApplicationBuilder.Configuration["Azurite:Directory"]
            ?? FindUpwards(storage.ApplicationBuilder.AppHostDirectory, Path.Combine("hosting", "node_modules", ".bin", "azurite-blob"), "hosting");
        if (!resource.Endpoints.Any(e => e.Name == "blob"))
        {
            resource.Endpoints.Add(new EndpointAnnotation("blob", "http", null, null));
        }
        return storage;
    }

    public static IResourceBuilder<AzureBlobStorageResource> AddBlobs(this IResourceBuilder<AzureStorageResource> storage, string name) =>
        storage.ApplicationBuilder.AddResource(new AzureBlobStorageResource(name, storage.Resource));

    /// <summary>The folder <paramref name="folder"/> under the nearest ancestor of <paramref name="start"/> that holds <paramref name="marker"/>.</summary>
    private static string FindUpwards(string start, string marker, string folder)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, marker)))
            {
                return Path.Combine(directory.FullName, folder);
            }
        }
        return Path.GetFullPath(Path.Combine(start, "..", folder));
    }
}
