using System.Globalization;
using DanceAspire.Media.Probing;

namespace DanceAspire.Media.Validation;

/// <summary>What the video and audio validators share: probing an upload, and saying limits in words people read.</summary>
internal static class UploadProbe
{
    /// <summary>The probe's answer, or the rejection of a file that is empty or that ffprobe cannot read.</summary>
    public static async Task<(MediaInfo? Media, VideoValidation? Rejection)> ProbeAsync(
        MediaProbe probe, string pathOrUrl, string what, CancellationToken cancellationToken)
    {
        if (!pathOrUrl.Contains("://", StringComparison.Ordinal) && File.Exists(pathOrUrl) && new FileInfo(pathOrUrl).Length == 0)
            return (null, VideoValidation.Rejected(VideoRejections.EmptyFile, "The file is empty."));
        try
        {
            return (await probe.ProbeAsync(pathOrUrl, cancellationToken), null);
        }
        catch (MediaProbeException e)
        {
            return (null, VideoValidation.Rejected(VideoRejections.Unreadable, $"The file is not {what} we can read (ffprobe: {e.ProbeError})."));
        }
    }

    public static string TooLargeMessage(long size, long limit) => $"The file is {Megabytes(size)}; the limit is {Megabytes(limit)}.";

    /// <summary>The nearest whole second, but never one that reads as within the limit ("10:00 long; the limit is 10:00").</summary>
    public static double OverLimitSeconds(double duration, double limit) =>
        Math.Round(duration) <= limit ? Math.Floor(limit) + 1 : Math.Round(duration);

    /// <summary>m:ss, or h:mm:ss from an hour on, in whole seconds.</summary>
    public static string Clock(double seconds)
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
