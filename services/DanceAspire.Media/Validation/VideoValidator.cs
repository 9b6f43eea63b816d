using DanceAspire.Media.Probing;

namespace DanceAspire.Media.Validation;

/// <summary>Decides, from ffprobe alone and before any decoding, whether an upload is a video the analysis can take.</summary>
public sealed class VideoValidator(MediaProbe probe, VideoLimits limits) : UploadValidator(probe, "a video")
{
    /// <summary>The accepted containers as users name them, and the ffprobe format names that mean them.</summary>
    private static readonly string[] AcceptedContainerNames = ["mp4", "mov", "webm", "mkv", "avi"];
    private static readonly HashSet<string> AcceptedFormatNames = ["mov", "mp4", "matroska", "webm", "avi"];

    private static readonly string[] AcceptedCodecs = ["h264", "hevc", "vp8", "vp9", "av1", "mpeg4"];

    /// <summary>Single-image demuxers: image2 and the *_pipe family (png_pipe, jpeg_pipe, webp_pipe, ...).</summary>
    private static bool IsImageFormat(string formatName) =>
        formatName.Split(',').Any(name => name is "image2" or "apng" || name.EndsWith("_pipe", StringComparison.Ordinal));

    protected override (string Code, string Message)? FindProblem(MediaInfo media)
    {
        if (media.SizeBytes == 0) return (VideoRejections.EmptyFile, "The file is empty.");
        if (IsImageFormat(media.FormatName)) return StillImage;

        var video = media.Video;
        if (video is null)
        {
            if (media.Streams.Any(s => s.IsAttachedPicture) && !media.HasAudio) return StillImage;
            return media.HasAudio
                ? (VideoRejections.NoVideoStream, "The file has no video stream (it holds only audio).")
                : (VideoRejections.NoVideoStream, "The file has no video stream.");
        }
        if (video.FrameCount == 1) return StillImage;

        if (!media.FormatName.Split(',').Any(AcceptedFormatNames.Contains))
        {
            return (VideoRejections.UnsupportedContainer,
                $"The file's container is '{media.FormatName}' ({media.FormatLongName}); accepted containers are {string.Join(", ", AcceptedContainerNames)}.");
        }
        if (video.CodecName is null || !AcceptedCodecs.Contains(video.CodecName))
        {
            return (VideoRejections.UnsupportedCodec,
                $"The video codec is '{video.CodecName ?? "unknown"}'; accepted codecs are {string.Join(", ", AcceptedCodecs)}.");
        }

        if (media.SizeBytes > limits.MaxSizeBytes)
        {
            return (VideoRejections.TooLargeFile,
                UploadProbe.TooLargeMessage(media.SizeBytes.Value, limits.MaxSizeBytes));
        }
        if (video.FrameCount == 0) return (VideoRejections.NoFrames, "The video has no frames.");
        var duration = media.DurationSeconds ?? video.DurationSeconds;
        if (duration is null or <= 0) return (VideoRejections.ZeroDuration, "The video has no duration.");
        if (duration > limits.MaxDurationSeconds)
        {
            return (VideoRejections.TooLong,
                $"The video is {UploadProbe.Clock(UploadProbe.OverLimitSeconds(duration.Value, limits.MaxDurationSeconds))} long; the limit is {UploadProbe.Clock(limits.MaxDurationSeconds)}.");
        }

        var longerLimit = Math.Max(limits.MaxWidth, limits.MaxHeight);
        var shorterLimit = Math.Min(limits.MaxWidth, limits.MaxHeight);
        if (Math.Max(video.Width, video.Height) > longerLimit || Math.Min(video.Width, video.Height) > shorterLimit)
        {
            return (VideoRejections.TooLargeResolution,
                $"The video is {video.DisplayWidth}x{video.DisplayHeight}; the limit is {longerLimit}x{shorterLimit} (or {shorterLimit}x{longerLimit} in portrait).");
        }
        return null;
    }

    private static (string, string) StillImage => (VideoRejections.StillImage, "The file is a still image, not a video.");
}
