using DanceAspire.Analysis.Jobs;
using DanceAspire.Media.Validation;

namespace DanceAspire.Api.Analyses;

public abstract record UploadInspection
{
    private UploadInspection()
    {
    }

    public sealed record Accepted(long SizeBytes, VideoFacts Video) : UploadInspection;

    public sealed record Refused(string Code, string Reason, int StatusCode) : UploadInspection;
}

/// <summary>
/// Checks an uploaded original with ffprobe against the configured limits, before anything decodes it. ffprobe reads the
/// blob through a short read link (it fetches only the ranges it needs), so nothing is downloaded here.
/// </summary>
public sealed class UploadInspector(AnalysisStorage storage, VideoValidator validator, TimeProvider time)
{
    public const string NotUploaded = "not_uploaded";

    public async Task<UploadInspection> InspectAsync(Guid analysisId, CancellationToken cancellationToken)
    {
        var size = await storage.SizeAsync(analysisId, AnalysisBlobs.Original, cancellationToken);
        if (size is null)
        {
            return new UploadInspection.Refused(NotUploaded, "The file has not been uploaded: PUT it to the upload URL first.", StatusCodes.Status409Conflict);
        }
        if (size == 0)
        {
            return new UploadInspection.Refused(VideoRejections.EmptyFile, "The file is empty.", StatusCodes.Status422UnprocessableEntity);
        }

        var url = await storage.ReadUrlAsync(analysisId, AnalysisBlobs.Original, time.GetUtcNow().AddMinutes(10), cancellationToken);
        var verdict = await validator.ValidateAsync(url.AbsoluteUri, cancellationToken);
        if (!verdict.IsValid)
        {
            var status = verdict.Code == VideoRejections.TooLargeFile ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity;
            return new UploadInspection.Refused(verdict.Code!, verdict.Message!, status);
        }
        var video = verdict.Media!.Video!;
        return new UploadInspection.Accepted(size.Value, new VideoFacts(
            verdict.Media.DurationSeconds ?? video.DurationSeconds ?? 0, video.DisplayWidth, video.DisplayHeight, video.FrameRatePerSecond, video.CodecName ?? ""));
    }
}
