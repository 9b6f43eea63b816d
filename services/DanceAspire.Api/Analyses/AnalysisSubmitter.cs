using System.Text.Json;
using DanceAspire.Analysis.Jobs;
using DanceAspire.Api.Jobs;
using DanceAspire.Api.Uploads;
using DanceAspire.Data.Analyses;
using DanceAspire.Jobs;
using DanceAspire.Media.Validation;

namespace DanceAspire.Api.Analyses;

/// <summary>Queues the analysis of an uploaded video once ffprobe accepts it.</summary>
public sealed class AnalysisSubmitter(UploadSubmitter submitter, AnalysisStorage storage, VideoValidator validator)
{
    public Task<Submission> SubmitAsync(VideoAnalysis analysis, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(new AnalysisJobPayload(analysis.Id, analysis.Model, analysis.Overlay), JsonSerializerOptions.Web);
        // One job per analysis, however many times (or how concurrently) the upload is confirmed.
        var job = new NewJob(AnalysisJob.Kind, payload, IdempotencyKey: $"analysis:{analysis.Id:D}");
        return submitter.SubmitAsync(analysis, storage, AnalysisBlobs.Original, validator, job, media =>
        {
            var video = media.Video!;
            analysis.DurationSeconds = media.DurationSeconds ?? video.DurationSeconds ?? 0;
            analysis.Width = video.DisplayWidth;
            analysis.Height = video.DisplayHeight;
            analysis.FrameRate = video.FrameRatePerSecond;
            analysis.VideoCodec = video.CodecName ?? "";
        }, cancellationToken);
    }
}
