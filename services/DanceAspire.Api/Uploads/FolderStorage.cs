using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;
namespace DanceAspire.Api.Uploads;

/// <summary>
/// One container of files kept in a folder per item (<c>{id}/...</c>: an analysis, a song): short-lived links for
/// clients, and cleanup. <paramref name="name"/> maps an item and one of its file names to the blob name.
/// </summary>
public abstract class FolderStorage(BlobServiceClient service, TimeProvider time, string container, Func<Guid, string, string> name)
{
    private readonly BlobContainerClient _container = service.GetBlobContainerClient(container);
    private volatile bool _containerExists;

    public async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_containerExists) return;
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await AllowBrowserUploadsAsync(cancellationToken);
        _containerExists = true;
    }

    /// <summary>
    /// Lets browsers PUT to upload links and read artifact links from the web app's origin (CORS on the blob service).
    /// Any origin is fine: every request must carry a signed, short-lived, single-blob link. An identity that may not
    /// change service properties (Azure, where infrastructure sets CORS) leaves them as they are.
    /// </summary>
    private async Task AllowBrowserUploadsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await service.GetPropertiesAsync(cancellationToken)).Value;
            if (properties.Cors.Any(rule => rule.AllowedOrigins == "*" && rule.AllowedMethods.Contains("PUT", StringComparison.Ordinal))) return;
            properties.Cors.Add(new BlobCorsRule
            {
                AllowedOrigins = "*",
                AllowedMethods = "GET,HEAD,PUT,OPTIONS",
                AllowedHeaders = "*",
                ExposedHeaders = "*",
                MaxAgeInSeconds = 3600,
            });
            await service.SetPropertiesAsync(properties, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is StatusCodes.Status403Forbidden or StatusCodes.Status401Unauthorized)
        {
        }
    }

    public BlockBlobClient Blob(Guid id, string file) => _container.GetBlockBlobClient(name(id, file));

    private static string Folder(Guid id) => $"{id:D}/";

    /// <summary>A URL that can create or overwrite exactly this blob, and nothing else, until <paramref name="expiresAt"/>.</summary>
    public async Task<Uri> WriteUrlAsync(Guid id, string file, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        return await SasAsync(Blob(id, file), BlobSasPermissions.Create | BlobSasPermissions.Write, expiresAt, cancellationToken);
    }

    /// <summary>A URL that can read this blob until <paramref name="expiresAt"/>.</summary>
    public Task<Uri> ReadUrlAsync(Guid id, string file, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        SasAsync(Blob(id, file), BlobSasPermissions.Read, expiresAt, cancellationToken);

    /// <summary>The blob's size, or null when it does not exist.</summary>
    public async Task<long?> SizeAsync(Guid id, string file, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await Blob(id, file).GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.ContentLength;
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(Guid id, string file, CancellationToken cancellationToken) =>
        (await Blob(id, file).ExistsAsync(cancellationToken)).Value;

    /// <summary>Deletes every file of the item; returns how many there were.</summary>
    public async Task<int> DeleteAllAsync(Guid id, CancellationToken cancellationToken)
    {
        var deleted = 0;
        try
        {
            await foreach (var blob in _container.GetBlobsAsync(prefix: Folder(id), cancellationToken: cancellationToken))
            {
                await _container.DeleteBlobIfExistsAsync(blob.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
                deleted++;
            }
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            // No container yet: nothing was ever uploaded.
        }
        return deleted;
    }

    /// <summary>The folders in the container with the newest change in each (for the orphan sweep).</summary>
    public async IAsyncEnumerable<(Guid Id, DateTimeOffset LastModified)> FoldersAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!(await _container.ExistsAsync(cancellationToken)).Value) yield break;
        Guid? current = null;
        var newest = DateTimeOffset.MinValue;
        // A flat listing is ordered by name, so each folder's blobs arrive together.
        await foreach (var blob in _container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var slash = blob.Name.IndexOf('/');
            if (slash <= 0 || !Guid.TryParse(blob.Name.AsSpan(0, slash), out var id)) continue;
            if (current is { } previous && previous != id)
            {
                yield return (previous, newest);
                newest = DateTimeOffset.MinValue;
            }
            current = id;
            if (blob.Properties.LastModified is { } modified && modified > newest) newest = modified;
        }
        if (current is { } last) yield return (last, newest);
    }

    private async Task<Uri> SasAsync(BlobBaseClient blob, BlobSasPermissions permissions, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var sas = new BlobSasBuilder(permissions, expiresAt)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            // Clock skew between us and the storage service must not make a fresh link fail.
            StartsOn = time.GetUtcNow().AddMinutes(-5),
        };
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }
        // Signed in with an identity (Azure): sign with a user delegation key instead of the account key.
        var key = await service.GetUserDelegationKeyAsync(sas.StartsOn, expiresAt, cancellationToken);
        var query = sas.ToSasQueryParameters(key.Value, service.AccountName);
        return new BlobUriBuilder(blob.Uri) { Sas = query }.ToUri();
    }
}
