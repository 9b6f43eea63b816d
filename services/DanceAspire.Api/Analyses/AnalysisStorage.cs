using Azure.Storage.Blobs;
using DanceAspire.Analysis.Jobs;
using DanceAspire.Api.Uploads;

namespace DanceAspire.Api.Analyses;

/// <summary>The analyses' files in blob storage (<see cref="AnalysisBlobs"/>).</summary>
public sealed class AnalysisStorage(BlobServiceClient service, TimeProvider time)
    : FolderStorage(service, time, AnalysisJob.Container, AnalysisBlobs.Name);
