using System.Globalization;
using DanceAspire.Analysis.Jobs;

namespace DanceAspire.Media.Moves;

/// <summary>
/// The ffmpeg command lines of <see cref="MoveClipWriter"/>. Pure, so the format choices are testable and written once.
/// Every clip gets the same format (<see cref="MoveClips"/>) so clips join by stream copy: H.264 high profile, yuv420p,
/// BT.709 tags, 720x1280 letterboxed with square pixels, exactly 30 fps, a keyframe every 30 frames starting at
/// frame 0 and none elsewhere, a 15360 Hz track time base, no audio, the index in front (faststart).
/// </summary>
public static class MoveClipArguments
{
    /// <summary>Decode from this long before the clip's start, so the frame showing at the start is already on the 30 fps grid.</summary>
    public const double SeekMarginSeconds = 1.0;

    /// <summary>ffmpeg's own timescale for 30 fps H.264 in MP4, pinned so that every clip has the same one.</summary>
    public const int TrackTimescale = 15360;

    /// <summary>
    /// Cuts <paramref name="frameCount"/> frames of the 30 fps grid starting at <paramref name="startSeconds"/> (a multiple
    /// of 1/30 s). The fps filter runs on the original's timeline from a second earlier (a coarse seek keeps long
    /// videos cheap), then <c>trim</c> skips the grid frames before the start; frame j shows what the original shows at
    /// start + j/30. A clip running past the original's end repeats its last frame, so it always has every frame.
    /// </summary>
    public static IReadOnlyList<string> Clip(string inputPath, double startSeconds, int frameCount, string outputPath)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startSeconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(frameCount, 1);
        const int rate = MoveClips.FrameRate;
        var seekFrames = (long)Math.Max(0, Math.Floor((startSeconds - SeekMarginSeconds) * rate));
        var seek = (double)seekFrames / rate;
        // fps with start_time=0 makes the first frame the grid's tick 0 after the seek, so the start is a frame count.
        var skipFrames = Math.Max(0, (long)Math.Round(startSeconds * rate) - seekFrames);
        var padSeconds = (double)frameCount / rate + 1;
        var filters = string.Join(',',
            $"fps={rate}:start_time=0",
            $"trim=start_frame={skipFrames.ToString(CultureInfo.InvariantCulture)}",
            "setpts=PTS-STARTPTS",
            $"scale={MoveClips.Width}:{MoveClips.Height}:force_original_aspect_ratio=decrease:force_divisible_by=2:out_color_matrix=bt709:out_range=tv",
            $"pad={MoveClips.Width}:{MoveClips.Height}:(ow-iw)/2:(oh-ih)/2:color=black",
            "setsar=1",
            "format=yuv420p",
            $"tpad=stop_mode=clone:stop_duration={Number(padSeconds)}");

        var arguments = new List<string> { "-nostdin", "-v", "error", "-y" };
        if (seek > 0) arguments.AddRange(["-ss", Number(seek)]);
        arguments.AddRange(["-i", inputPath, "-map", "0:v:0", "-an", "-sn", "-dn", "-vf", filters, "-frames:v", frameCount.ToString(CultureInfo.InvariantCulture)]);
        arguments.AddRange([
            "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-pix_fmt", "yuv420p",
            "-g", rate.ToString(CultureInfo.InvariantCulture), "-keyint_min", rate.ToString(CultureInfo.InvariantCulture), "-sc_threshold", "0",
            "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv",
            "-video_track_timescale", TrackTimescale.ToString(CultureInfo.InvariantCulture),
            "-movflags", "+faststart", "-f", "mp4", outputPath,
        ]);
        return arguments;
    }

    /// <summary>One JPEG of the clip's frame at <paramref name="atSeconds"/>, at most <paramref name="maxWidth"/> wide, as the analysis thumbnails.</summary>
    public static IReadOnlyList<string> Thumbnail(string clipPath, double atSeconds, string outputPath, int maxWidth)
    {
        var (width, height) = ThumbnailWriter.ThumbnailSize(MoveClips.Width, MoveClips.Height, maxWidth);
        return
        [
            "-nostdin", "-v", "error", "-y", "-ss", Number(Math.Max(0, atSeconds)), "-i", clipPath,
            "-vf", $"scale={width}:{height}", "-frames:v", "1", "-q:v", "3", "-f", "image2", "-c:v", "mjpeg", outputPath,
        ];
    }

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
