using DanceAspire.Media.Probing;
using DanceAspire.Media.Validation;

namespace DanceAspire.Api.Uploads;

public abstract record UploadInspection
{
    private UploadInspection()
    {
    }

    public sealed record Accepted(long SizeBytes, MediaInfo Media) : UploadInspection;

    public sealed record Refused(string Code, string Reason, int StatusCode) : UploadInspection;
}

/// <summary>
/// Checks an uploaded file with ffprobe against the configured limits, before anything decodes it. ffprobe reads the
/// blob through a short read link (it fetches only the ranges it needs), so nothing is downloaded here.
/// </summary>
public sealed class UploadInspector(TimeProvider time)
{
    public const string NotUploaded = "not_uploaded";

    public async Task<UploadInspection> InspectAsync(
        FolderStorage storage, Guid id, string file, UploadValidator validator, CancellationToken cancellationToken)
    {
        var size = await storage.SizeAsync(id, file, cancellationToken);
        if (size is null)
        {
            return new UploadInspection.Refused(NotUploaded, "The file has not been uploaded: PUT it to the upload URL first.", StatusCodes.Status409Conflict);
        }
        if (size == 0)
        {
            return new UploadInspection.Refused(VideoRejections.EmptyFile, "The file is empty.", StatusCodes.Status422UnprocessableEntity);
        }

        var url = await storage.ReadUrlAsync(id, file, time.GetUtcNow().AddMinutes(10), cancellationToken);
        var verdict = await validator.ValidateAsync(url.AbsoluteUri, cancellationToken);
        if (!verdict.IsValid)
        {
            var status = verdict.Code == VideoRejections.TooLargeFile ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity;
            return new UploadInspection.Refused(verdict.Code!, verdict.Message!, status);
        }
        return new UploadInspection.Accepted(size.Value, verdict.Media!);
    }
}
