using Azure.Storage.Blobs;
using DanceAspire.Analysis.Jobs;
using DanceAspire.Api.Uploads;

namespace DanceAspire.Api.Moves;

/// <summary>The move clips and thumbnails in blob storage, a folder per analysis (<see cref="MoveClips"/>).</summary>
public sealed class MoveStorage(BlobServiceClient service, TimeProvider time)
    : FolderStorage(service, time, MoveClips.Container, (analysisId, file) => MoveClips.Folder(analysisId) + file)
{
    /// <summary>The analysis folder and file name of a blob path "moves/{analysisId}/{file}".</summary>
    public static (Guid AnalysisId, string File) Locate(string blobPath)
    {
        var parts = blobPath.Split('/');
        return (Guid.Parse(parts[1]), parts[2]);
    }
}
