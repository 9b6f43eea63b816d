using Azure.Storage.Blobs;
using DanceAspire.Api.Uploads;
using DanceAspire.Choreography.Jobs;

namespace DanceAspire.Api.Choreographies;

/// <summary>The assembled videos in blob storage: <c>choreographies/{id}/video.mp4</c>.</summary>
public sealed class ChoreographyStorage(BlobServiceClient service, TimeProvider time)
    : FolderStorage(service, time, AssemblyJob.Container, (id, _) => AssemblyJob.VideoName(id))
{
    public const string Video = "video";
}
