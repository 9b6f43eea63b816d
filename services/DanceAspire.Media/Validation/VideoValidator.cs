using System.Globalization;
using DanceAspire.Media.Probing;

namespace DanceAspire.Media.Validation;

/// <summary>Decides, from ffprobe alone and before any decoding, whether an upload is a video the analysis can take.</summary>
public sealed class VideoValidator(MediaProbe probe, VideoLimits limits)
{
    /// <summary>The accepted containers as users name them, and the ffprobe format names that mean them.</summary>
    private static readonly string[] AcceptedContainerNames = ["mp4", "mov", "webm", "mkv", "avi"];
    private static readonly HashSet<string> AcceptedFormatNames = ["mov", "mp4", "matroska", "webm", "avi"];

    private static readonly string[] AcceptedCodecs = ["h264", "hevc", "vp8", "vp9", "av1", "mpeg4"];

    /// <summary>Single-image demuxers: image2 and the *_pipe family (png_pipe, jpeg_pipe, webp_pipe, ...).</summary>
    private static bool IsImageFormat(string formatName) =>
        formatName.Split(',').Any(name => name is "image2" or "apng" || name.EndsWith("_pipe", StringComparison.Ordinal));

    /// <summary>Probes a local file or an http(s) address and judges it.</summary>
    public async Task<VideoValidation> ValidateAsync(string pathOrUrl, CancellationToken cancellationToken = default)
    {
        if (!pathOrUrl.Contains("://", StringComparison.Ordinal) && File.Exists(pathOrUrl) && new FileInfo(pathOrUrl).Length == 0)
            return VideoValidation.Rejected(VideoRejections.EmptyFile, "The file is empty.");

        MediaInfo media;
        try
        {
            media = await probe.ProbeAsync(pathOrUrl, cancellationToken);
        }
        catch (MediaProbeException e)
        {
            return VideoValidation.Rejected(VideoRejections.Unreadable, $"The file is not a video we can read (ffprobe: {e.ProbeError}).");
        }
        return Validate(media);
    }

    /// <summary>Judges a probe's answer: the first problem found, in the order a user would fix them.</summary>
    public VideoValidation Validate(MediaInfo media)
    {
        var problem = FindProblem(media);
        return problem is null ? VideoValidation.Accepted(media) : VideoValidation.Rejected(problem.Value.Code, problem.Value.Message, media);
    }

    private (string Code, string Message)? FindProblem(MediaInfo media)
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
                $"The file is {Megabytes(media.SizeBytes.Value)}; the limit is {Megabytes(limits.MaxSizeBytes)}.");
        }
        if (video.FrameCount == 0) return (VideoRejections.NoFrames, "The video has no frames.");
        var duration = media.DurationSeconds ?? video.DurationSeconds;
        if (duration is null or <= 0) return (VideoRejections.ZeroDuration, "The video has no duration.");
        if (duration > limits.MaxDurationSeconds)
        {
            return (VideoRejections.TooLong,
                $"The video is {Clock(OverLimitSeconds(duration.Value, limits.MaxDurationSeconds))} long; the limit is {Clock(limits.MaxDurationSeconds)}.");
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

    /// <summary>The nearest whole second, but never one that reads as within the limit ("10:00 long; the limit is 10:00").</summary>
    private static double OverLimitSeconds(double duration, double limit) =>
        Math.Round(duration) <= limit ? Math.Floor(limit) + 1 : Math.Round(duration);

    /// <summary>m:ss, or h:mm:ss from an hour on, in whole seconds.</summary>
    internal static string Clock(double seconds)
    {
        var time = TimeSpan.FromSeconds(Math.Round(seconds));
        return time.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalMinutes}:{time.Seconds:00}");
    }

    private static string Megabytes(long bytes) =>
        bytes >= 1L << 30
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.##} GiB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.#} MiB");
}
