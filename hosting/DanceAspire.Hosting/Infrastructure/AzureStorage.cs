namespace DanceAspire.Hosting;

/// <summary>An Azure Storage account: Azurite (npm) in run mode, a real account when deployed.</summary>
public sealed class AzureStorageResource(string name) : ProcessResource(name)
{
    // Azurite's published development account; not a secret.
    internal const string AccountName = "devstoreaccount1";
    internal const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public bool IsEmulator { get; internal set; }
    public override string TypeName => IsEmulator ? "AzureStorageEmulator" : "AzureStorage";

    /// <summary>Where azurite-blob was installed (hosting/package.json); set by RunAsEmulator.</summary>
    internal string? AzuriteDirectory { get; set; }

    internal string BlobEndpoint => $"http://127.0.0.1:{PortOf("blob")}/{AccountName}";

    internal override Task PrepareAsync(RunContext context, CancellationToken cancellationToken)
    {
        if (!IsEmulator)
        {
            throw new DistributedApplicationException($"Resource '{Name}': an Azure Storage account runs locally only as an emulator; call RunAsEmulator().");
        }
        if (!File.Exists(AzuriteBinary))
        {
            throw new DistributedApplicationException($"Resource '{Name}': Azurite is not installed ({AzuriteBinary} is missing); run 'npm ci' in hosting/ (./dance.sh up does).");
        }
        return Task.CompletedTask;
    }

    private string AzuriteBinary => Path.Combine(AzuriteDirectory ?? "", "node_modules", ".bin", "azurite-blob");

    internal override ProcessSpec GetProcessSpec(RunContext context, ResourceInstance instance) => new(
        AzuriteBinary,
        ["--blobHost", "127.0.0.1", "--blobPort", instance.Ports["blob"].ToString(), "--location", context.ResourceDirectory(this),
         "--skipApiVersionCheck", "--loose"],
        context.ResourceDirectory(this));

    internal override Func<ResourceInstance, CancellationToken, Task<bool>> ReadinessProbe => async (_, cancellationToken) =>
    {
        // Any HTTP answer from the blob endpoint (even 403 for an unsigned request) means Azurite is serving.
        using var response = await RunContext.Http.GetAsync($"{BlobEndpoint}?comp=list", cancellationToken);
        return (int)response.StatusCode < 500;
    };
}

public sealed class AzureBlobStorageResource(string name, AzureStorageResource parent) : ChildResource(name, parent), IResourceWithConnectionString
{
    public AzureStorageResource Storage { get; } = parent;
    public override string TypeName => "AzureBlobStorage";

    public string GetConnectionString() =>
        $"DefaultEndpointsProtocol=http;AccountName={AzureStorageResource.AccountName};AccountKey={AzureStorageResource.AccountKey};BlobEndpoint={Storage.BlobEndpoint};";
}
