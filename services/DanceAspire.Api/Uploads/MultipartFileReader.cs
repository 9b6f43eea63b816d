using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace DanceAspire.Api.Uploads;

/// <summary>What a multipart upload carried: the 'file' part (null when there was none) and the small text fields asked for.</summary>
public sealed record MultipartContent(string? FileName, string? ContentType, long? SizeBytes, IReadOnlyDictionary<string, string> Fields);

/// <summary>
/// Reads a multipart/form-data upload: the 'file' part streams straight into a blob (never whole in memory or on
/// disk), counted against the size limit; text fields may come before or after it.
/// </summary>
public static class MultipartFileReader
{
    private const int MaxFieldLength = 256;

    /// <summary>The content, or the problem that stopped it (the blob is then deleted by the caller's cleanup).</summary>
    public static async Task<(MultipartContent? Content, ProblemHttpResult? Problem)> ReadAsync(
        HttpContext http, BlockBlobClient blob, long maxBytes, IReadOnlyCollection<string> fieldNames, string what, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Length == 0)
        {
            return (null, ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Multipart expected",
                $"Send the {what} as multipart/form-data with a 'file' part (or ask for an upload URL).", "not_multipart"));
        }
        // Our own limit applies to the file; the server's default (30 MB) would cut real files off.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = maxBytes + 1024 * 1024;
        }

        var (fileName, contentType) = ((string?)null, (string?)null);
        long? size = null;
        var fields = new Dictionary<string, string>();
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
                    var counted = new SizeLimitedStream(section.Body, maxBytes);
                    await blob.UploadAsync(counted, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
                    size = counted.BytesRead;
                }
                else if (name is not null && fieldNames.Contains(name))
                {
                    fields[name] = await ReadFieldAsync(section, cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is FileTooLargeException || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return (null, ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, $"{Capitalized(what)} rejected",
                $"The file is larger than the limit of {UploadSizes.Bytes(maxBytes)}.", "too_large_file"));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, ApiProblems.Problem(StatusCodes.Status400BadRequest, "Malformed upload",
                $"The multipart body could not be read: {e.Message}", "malformed_multipart"));
        }
        return (new MultipartContent(fileName, contentType, size, fields), null);
    }

    private static string Capitalized(string what) => char.ToUpperInvariant(what[0]) + what[1..];

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
