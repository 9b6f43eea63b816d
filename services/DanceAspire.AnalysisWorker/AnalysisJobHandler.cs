using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DanceAspire.Analysis.Jobs;
using DanceAspire.Media;
using DanceAspire.Workers;

namespace DanceAspire.AnalysisWorker;

/// <summary>
/// Runs an analysis job: fetches the original from blob storage into a scratch folder, analyzes it, uploads the
/// artifacts next to it, cuts the segments into move clips for the move library (container <see cref="MoveClips.Container"/>)
/// and returns the summary with the moves. Idempotent: a retried attempt overwrites the same blobs.
/// </summary>
public sealed partial class AnalysisJobHandler(BlobServiceClient blobs, VideoAnalyzer analyzer, MoveExtractor moveExtractor, ILogger<AnalysisJobHandler> logger) : IJobHandler
{
    public string Kind => AnalysisJob.Kind;

    public async Task<string?> HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        var job = context.GetPayload<AnalysisJobPayload>();
        var container = blobs.GetBlobContainerClient(AnalysisJob.Container);
        var scratch = Directory.CreateTempSubdirectory($"analysis-{job.AnalysisId:N}-");
        try
        {
            await context.ReportProgressAsync(0, "downloading");
            var input = Path.Combine(scratch.FullName, "original");
            try
            {
                await container.GetBlobClient(AnalysisBlobs.Name(job.AnalysisId, AnalysisBlobs.Original)).DownloadToAsync(input, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                throw new JobFailedException("The uploaded video is gone (the analysis was deleted).");
            }

            await context.ReportProgressAsync(0.02, "analyzing frames");
            VideoAnalysisOutput output;
            try
            {
                output = await analyzer.AnalyzeAsync(
                    new VideoAnalysisRequest(input, Path.Combine(scratch.FullName, "out"), job.Model, job.Overlay),
                    done => context.ReportProgressAsync(0.02 + 0.9 * done, "analyzing frames"),
                    cancellationToken);
            }
            catch (MediaToolException e)
            {
                // The file passed ffprobe but ffmpeg cannot decode it (a damaged stream): retrying will not help.
                throw new JobFailedException($"The video could not be decoded: {e.Message}", retryable: false, e);
            }

            await context.ReportProgressAsync(0.93, "uploading results");
            var artifacts = new List<string>();
            await UploadAsync(container, job.AnalysisId, AnalysisBlobs.Keypoints, output.KeypointsPath, artifacts, cancellationToken);
            await UploadAsync(container, job.AnalysisId, AnalysisBlobs.Overlay, output.OverlayPath, artifacts, cancellationToken);
            await UploadAsync(container, job.AnalysisId, AnalysisBlobs.Thumbnail, output.ThumbnailPath, artifacts, cancellationToken);

            await context.ReportProgressAsync(0.95, "extracting moves");
            var notes = output.Result.Notes.ToList();
            var (moves, failedMoves) = await moveExtractor.ExtractAsync(
                job.AnalysisId, input, output.Result, output.Poses, Path.Combine(scratch.FullName, "moves"), cancellationToken);
            if (failedMoves > 0) notes.Add($"{failedMoves} of the moves could not be cut from the video and are missing from the library.");
            await UploadMovesAsync(job.AnalysisId, moves, cancellationToken);

            // The result last: its presence means every other artifact is in place.
            await UploadAsync(container, job.AnalysisId, AnalysisBlobs.Result, output.ResultPath, null, cancellationToken);

            var result = output.Result;
            var timings = output.Timings;
            LogAnalyzed(job.AnalysisId, timings.Frames, timings.TotalSeconds, timings.Frames / Math.Max(timings.TotalSeconds, 1e-9), result.Processing.DetectionRate);
            var summary = new AnalysisSummary(
                result.Processing.TotalFrames,
                result.Processing.DetectionRate,
                result.Movement.MovementType.ToString().ToLowerInvariant(),
                result.Movement.Intensity,
                result.Rhythm.HasRhythm ? result.Rhythm.EstimatedBpm : null,
                result.SmoothnessScore,
                result.Processing.Fps > 0 ? result.Processing.TotalFrames / result.Processing.Fps : 0,
                result.Processing.ProcessingTimeS,
                artifacts,
                notes,
                moves.Select(m => m.Move).ToList());
            return JsonSerializer.Serialize(summary, JsonSerializerOptions.Web);
        }
        finally
        {
            try
            {
                scratch.Delete(recursive: true);
            }
            catch (IOException e)
            {
                LogScratchNotDeleted(scratch.FullName, e.Message);
            }
        }
    }

    private async Task UploadMovesAsync(Guid analysisId, IReadOnlyList<ExtractedMoveFiles> moves, CancellationToken cancellationToken)
    {
        if (moves.Count == 0) return;
        var container = blobs.GetBlobContainerClient(MoveClips.Container);
        // The api may not have made the container yet (no move existed before); creating it is idempotent.
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var (move, clipFile, thumbnailFile) in moves)
        {
            await UploadFileAsync(container, MoveClips.ClipName(analysisId, move.SegmentIndex), clipFile, "video/mp4", cancellationToken);
            await UploadFileAsync(container, MoveClips.ThumbnailName(analysisId, move.SegmentIndex), thumbnailFile, "image/jpeg", cancellationToken);
        }
    }

    private static Task UploadFileAsync(BlobContainerClient container, string name, string path, string contentType, CancellationToken cancellationToken) =>
        container.GetBlobClient(name).UploadAsync(path, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);

    private static async Task UploadAsync(
        BlobContainerClient container, Guid analysisId, string artifact, string? path, List<string>? uploaded, CancellationToken cancellationToken)
    {
        if (path is null || !File.Exists(path)) return;
        var blob = container.GetBlobClient(AnalysisBlobs.Name(analysisId, artifact));
        await blob.UploadAsync(path, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = AnalysisBlobs.ContentType(artifact) } }, cancellationToken);
        uploaded?.Add(artifact);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis {AnalysisId}: {Frames} frames in {Seconds:0.00} s ({FramesPerSecond:0.0} frames/s), detection rate {DetectionRate:0.###}")]
    private partial void LogAnalyzed(Guid analysisId, int frames, double seconds, double framesPerSecond, double detectionRate);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the scratch folder {Folder}: {Reason}")]
    private partial void LogScratchNotDeleted(string folder, string reason);
}
