using Azure.Identity;
using Azure.Storage.Blobs;
using DanceAspire.Clients;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class BlobClientExtensions
{
    public const string HealthCheckName = "blobs";

    /// <summary>
    /// Registers a singleton <see cref="BlobServiceClient"/> for ConnectionStrings:<paramref name="connectionName"/>
    /// and the "blobs" health check (lists one container). The connection string is either a storage
    /// connection string (Azurite locally, account key) or a bare service URI (Azure, where the
    /// service authenticates with <see cref="DefaultAzureCredential"/>: managed identity in the cloud).
    /// </summary>
    public static IHostApplicationBuilder AddAzureBlobClient(this IHostApplicationBuilder builder, string connectionName)
    {
        var connectionString = ConnectionStrings.GetRequired(builder, connectionName);
        var client = CreateClient(connectionString, connectionName);

        // The Azure SDK emits ActivitySource spans (Azure.*) only behind this switch.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);

        builder.Services.AddSingleton(client);
        ClientHealthChecks.Add<BlobHealthCheck>(builder.Services, HealthCheckName);
        StartupConnectionLog.Register(builder.Services,
            new ClientEndpoint(HealthCheckName, connectionName, client.Uri.GetLeftPart(UriPartial.Path)));
        return builder;
    }

    private static BlobServiceClient CreateClient(string connectionString, string connectionName)
    {
        var value = connectionString.Trim();
        if (!value.Contains('=') && Uri.TryCreate(value, UriKind.Absolute, out var serviceUri))
        {
            if (serviceUri.Scheme != Uri.UriSchemeHttps && serviceUri.Scheme != Uri.UriSchemeHttp)
            {
                throw new InvalidOperationException(
                    $"Connection string '{connectionName}' is a URI with scheme '{serviceUri.Scheme}'; a blob service URI must be http(s).");
            }
            return new BlobServiceClient(serviceUri, new DefaultAzureCredential());
        }

        try
        {
            return new BlobServiceClient(value);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"Connection string '{connectionName}' is neither a storage connection string nor a blob service URI: {ex.Message}", ex);
        }
    }
}
