using Azure.Storage.Blobs;
using DanceAspire.Api.Uploads;
using DanceAspire.Music.Jobs;

namespace DanceAspire.Api.Songs;

/// <summary>The songs' files in blob storage: <c>songs/{songId}/original</c>.</summary>
public sealed class SongStorage(BlobServiceClient service, TimeProvider time)
    : FolderStorage(service, time, SongAnalysisJob.Container, (id, _) => SongAnalysisJob.OriginalName(id))
{
    public const string Original = "original";
}
