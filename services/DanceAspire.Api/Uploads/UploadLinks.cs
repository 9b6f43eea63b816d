using DanceAspire.Data;

namespace DanceAspire.Api.Uploads;

/// <summary>A write-only link for one upload: where to PUT the file, until when, and the headers the PUT must carry.</summary>
public sealed record UploadLink(string Url, DateTimeOffset ExpiresAt, IReadOnlyDictionary<string, string> RequiredHeaders);

public static class UploadLinks
{
    /// <summary>
    /// Saves the new upload's row (awaiting the file for <paramref name="minutes"/>) and returns a link that can write
    /// exactly its <paramref name="file"/> in <paramref name="storage"/>, nothing else.
    /// </summary>
    public static async Task<UploadLink> IssueAsync(
        DanceDbContext db, UploadedMedia upload, long sizeBytes, FolderStorage storage, string file, double minutes, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        upload.SizeBytes = sizeBytes;
        upload.UploadExpiresAt = now.AddMinutes(minutes);
        db.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        var url = await storage.WriteUrlAsync(upload.Id, file, upload.UploadExpiresAt.Value, cancellationToken);
        return new UploadLink(url.AbsoluteUri, upload.UploadExpiresAt.Value,
            new Dictionary<string, string> { ["x-ms-blob-type"] = "BlockBlob", ["Content-Type"] = upload.ContentType });
    }
}
