using DanceAspire.Analysis.Pose;
using Azure.Storage.Blobs.Models;
using DanceAspire.Analysis.Jobs;
using DanceAspire.Api.Accounts;
using DanceAspire.Data;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using DanceAspire.Media.Validation;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DanceAspire.Api.Analyses;

/// <summary>
/// POST /api/v1/analyses as multipart/form-data: the 'file' part streams straight into blob storage (never whole in
/// memory or on disk), counted against the size limit; 'model' and 'overlay' fields may come before or after it.
/// </summary>
internal static class MultipartUpload
{
    private const int MaxFieldLength = 64;

    public static async Task<Results<Accepted<AnalysisView>, Ok<AnalysisView>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        HttpContext http, Caller caller, DanceDbContext db, AnalysisStorage storage, AnalysisSubmitter submitter,
        IOptions<VideoLimits> videoLimits, TimeProvider time, CancellationToken cancellationToken)
    {
        var limits = videoLimits.Value;
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Length == 0)
        {
            return AnalysesApi.Problem(StatusCodes.Status415UnsupportedMediaType, "Multipart expected",
                "Send the video as multipart/form-data with a 'file' part (or use POST /api/v1/analyses/upload-url).", "not_multipart");
        }
        // Our own limit applies to the file; the server's default (30 MB) would cut real videos off.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limits.MaxSizeBytes + 1024 * 1024;
        }

        var now = time.GetUtcNow();
        var analysis = AnalysesApi.NewAnalysis(caller, "upload", "application/octet-stream", null, "multipart", now);
        var (fileName, contentType, model, overlay) = ((string?)null, (string?)null, (string?)null, (string?)null);
        var errors = new Dictionary<string, string[]>();
        long? size = null;
        await storage.EnsureContainerAsync(cancellationToken);
        try
        {
            var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value!, http.Request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (name == "file" && size is null)
                {
                    fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    contentType = section.ContentType ?? "application/octet-stream";
                    var counted = new SizeLimitedStream(section.Body, limits.MaxSizeBytes);
                    await storage.Blob(analysis.Id, AnalysisBlobs.Original).UploadAsync(counted,
                        new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
                    size = counted.BytesRead;
                }
                else if (name is "model" or "overlay")
                {
                    var value = await ReadFieldAsync(section, cancellationToken);
                    if (name == "model") model = value; else overlay = value;
                }
            }
        }
        catch (Exception e) when (e is FileTooLargeException || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            await storage.DeleteAllAsync(analysis.Id, CancellationToken.None);
            return AnalysesApi.Problem(StatusCodes.Status413PayloadTooLarge, "Video rejected",
                $"The file is larger than the limit of {UploadRequestRules.Bytes(limits.MaxSizeBytes)}.", "too_large_file");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            await storage.DeleteAllAsync(analysis.Id, CancellationToken.None);
            return AnalysesApi.Problem(StatusCodes.Status400BadRequest, "Malformed upload",
                $"The multipart body could not be read: {e.Message}", "malformed_multipart");
        }

        if (size is null)
        {
            errors["file"] = ["A 'file' part with the video is required."];
        }
        else
        {
            UploadRequestRules.ValidateFileName(fileName, errors);
        }
        bool? overlayFlag = null;
        if (overlay is not null)
        {
            if (bool.TryParse(overlay, out var parsed)) overlayFlag = parsed;
            else errors["overlay"] = [$"overlay is true or false, not '{overlay}'."];
        }
        var requestOptions = new AnalysisRequestOptions(model, overlayFlag);
        foreach (var (key, value) in UploadRequestRules.ValidateOptions(requestOptions))
        {
            errors[key.Replace("options.", "", StringComparison.Ordinal)] = value;
        }
        if (errors.Count > 0)
        {
            await storage.DeleteAllAsync(analysis.Id, CancellationToken.None);
            return TypedResults.ValidationProblem(errors, detail: "The upload is not valid; see errors.");
        }

        analysis.FileName = fileName!;
        analysis.ContentType = contentType!;
        analysis.SizeBytes = size!.Value;
        analysis.Model = model ?? PoseModels.Default;
        analysis.Overlay = overlayFlag ?? true;
        db.Analyses.Add(analysis);
        await db.SaveChangesAsync(cancellationToken);
        return await AnalysesApi.SubmitAsync(db, submitter, analysis, cancellationToken);
    }

    private static async Task<string> ReadFieldAsync(MultipartSection section, CancellationToken cancellationToken)
    {
        var buffer = new char[MaxFieldLength + 1];
        using var reader = new StreamReader(section.Body);
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        return new string(buffer, 0, Math.Min(read, MaxFieldLength)).Trim();
    }
}

/// <summary>Thrown by <see cref="SizeLimitedStream"/> when more bytes arrive than allowed.</summary>
internal sealed class FileTooLargeException(long limit) : IOException($"The stream is longer than {limit} bytes.");

/// <summary>A read-only stream that counts what passes through and fails as soon as it exceeds a limit.</summary>
internal sealed class SizeLimitedStream(Stream inner, long limit) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int read)
    {
        BytesRead += read;
        return BytesRead > limit ? throw new FileTooLargeException(limit) : read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
