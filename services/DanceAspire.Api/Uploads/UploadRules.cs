namespace DanceAspire.Api.Uploads;

/// <summary>Checks of an upload request's own fields, before any file is seen (the file itself is checked with ffprobe).</summary>
public static class UploadRules
{
    public const int MaxFileNameLength = 255;

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

    /// <summary>contentType must be <c>{kind}/*</c> or application/octet-stream.</summary>
    public static void ValidateContentType(string? contentType, string kind, string example, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            errors["contentType"] = [$"contentType is required (e.g. {example})."];
        }
        else if (!contentType.StartsWith(kind + "/", StringComparison.OrdinalIgnoreCase)
            && !contentType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            errors["contentType"] = [$"contentType '{contentType}' is not {(kind[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a")} {kind} type; use {kind}/* (or application/octet-stream)."];
        }
    }

    public static void ValidateSize(long? sizeBytes, long maxBytes, Dictionary<string, string[]> errors)
    {
        if (sizeBytes is null)
        {
            errors["sizeBytes"] = ["sizeBytes is required."];
        }
        else if (sizeBytes <= 0)
        {
            errors["sizeBytes"] = ["The file is empty: sizeBytes must be at least 1."];
        }
        else if (sizeBytes > maxBytes)
        {
            errors["sizeBytes"] = [$"The file is {UploadSizes.Bytes(sizeBytes.Value)}; the limit is {UploadSizes.Bytes(maxBytes)}."];
        }
    }
}

public static class UploadSizes
{
    /// <summary>A size for people: 1.5 GiB, 30.0 MiB, 512 bytes.</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MiB",
        >= 1L << 10 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes} bytes",
    };
}
