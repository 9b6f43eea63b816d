using DanceAspire.Media.Validation;
using DanceAspire.Analysis.Pose;
using DanceAspire.Analysis.Jobs;

namespace DanceAspire.Api.Analyses;

/// <summary>Checks of an upload request's own fields, before any file is seen (the file itself is checked with ffprobe).</summary>
public static class UploadRequestRules
{
    public const int MaxFileNameLength = 255;

    /// <summary>The errors in ValidationProblem's shape; empty when the request is fine.</summary>
    public static Dictionary<string, string[]> Validate(UploadUrlRequest request, VideoLimits limits)
    {
        var errors = ValidateOptions(request.Options);
        ValidateFileName(request.FileName, errors);
        if (string.IsNullOrWhiteSpace(request.ContentType))
        {
            errors["contentType"] = ["contentType is required (e.g. video/mp4)."];
        }
        else if (!IsVideoContentType(request.ContentType))
        {
            errors["contentType"] = [$"contentType '{request.ContentType}' is not a video type; use video/* (or application/octet-stream)."];
        }
        if (request.SizeBytes is null)
        {
            errors["sizeBytes"] = ["sizeBytes is required."];
        }
        else if (request.SizeBytes <= 0)
        {
            errors["sizeBytes"] = ["The file is empty: sizeBytes must be at least 1."];
        }
        else if (request.SizeBytes > limits.MaxSizeBytes)
        {
            errors["sizeBytes"] = [$"The file is {Bytes(request.SizeBytes.Value)}; the limit is {Bytes(limits.MaxSizeBytes)}."];
        }
        return errors;
    }

    /// <summary>The options' errors (model and overlay), keyed like the request's JSON.</summary>
    public static Dictionary<string, string[]> ValidateOptions(AnalysisRequestOptions? options)
    {
        var errors = new Dictionary<string, string[]>();
        if (options?.Model is { } model && !PoseModels.Names.Contains(model))
        {
            errors["options.model"] = [$"model '{model}' is not one of {string.Join(", ", PoseModels.Names)}."];
        }
        return errors;
    }

    public static void ValidateFileName(string? fileName, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            errors["fileName"] = ["fileName is required."];
        }
        else if (fileName.Length > MaxFileNameLength || fileName.Any(char.IsControl))
        {
            errors["fileName"] = [$"fileName must be at most {MaxFileNameLength} printable characters."];
        }
    }

    public static bool IsVideoContentType(string contentType) =>
        contentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase)
        || contentType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase);

    /// <summary>A size for people: 1.5 GiB, 30.0 MiB, 512 bytes.</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MiB",
        >= 1L << 10 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes} bytes",
    };
}
