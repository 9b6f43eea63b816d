using DanceAspire.Media.Probing;

namespace DanceAspire.Media.Validation;

/// <summary>
/// The verdict on an upload: valid, or the first problem as a machine <see cref="Code"/> (see <see cref="VideoRejections"/>)
/// and a sentence for the user. <see cref="Media"/> is the probe's answer when ffprobe could read the file.
/// </summary>
public sealed record VideoValidation(string? Code, string? Message, MediaInfo? Media)
{
    public bool IsValid => Code is null;

    public static VideoValidation Accepted(MediaInfo media) => new(null, null, media);

    public static VideoValidation Rejected(string code, string message, MediaInfo? media = null) => new(code, message, media);
}

/// <summary>The machine codes of <see cref="VideoValidation.Code"/>.</summary>
public static class VideoRejections
{
    public const string EmptyFile = "empty_file";
    public const string Unreadable = "unreadable";
    public const string NoVideoStream = "no_video_stream";
    public const string StillImage = "still_image";
    public const string UnsupportedContainer = "unsupported_container";
    public const string UnsupportedCodec = "unsupported_codec";
    public const string NoFrames = "no_frames";
    public const string ZeroDuration = "zero_duration";
    public const string TooLong = "too_long";
    public const string TooLargeResolution = "too_large_resolution";
    public const string TooLargeFile = "too_large_file";
}
