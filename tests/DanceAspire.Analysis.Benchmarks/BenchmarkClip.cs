using System.Diagnostics;
using DanceAspire.Testing;

namespace DanceAspire.Analysis.Benchmarks;

/// <summary>The benchmark's input: the squats clip (a real person) as 1280x720 at 30 fps with an AAC track, made with ffmpeg.</summary>
internal static class BenchmarkClip
{
    public static async Task<string> MakeAsync(string folder)
    {
        var path = Path.Combine(folder, "squats-720p30.mp4");
        await Ffmpeg.RunAsync(
            "-i", TestMedia.File("video/pose_squats.mp4"),
            "-f", "lavfi", "-i", "sine=frequency=220:sample_rate=44100",
            "-vf", "fps=30,scale=-2:720,pad=1280:720:(ow-iw)/2:0",
            "-c:v", "libx264", "-preset", "medium", "-crf", "20", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-shortest", path);
        return path;
    }
}

/// <summary>The reference the analysis is compared with: plain ffmpeg work on the same clip, timed from outside.</summary>
internal static class FfmpegFloor
{
    /// <summary>Decodes the clip and re-encodes it with libx264 veryfast (audio copied): what any overlay video costs at least.</summary>
    public static Task<double> MeasureAsync(string clip, string output) =>
        Ffmpeg.TimeAsync("-i", clip, "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "copy", output);

    /// <summary>Decodes the clip to yuv420p (the analysis's frame format) and throws the frames away: the decoder's own speed.</summary>
    public static Task<double> MeasureDecodeAsync(string clip) =>
        Ffmpeg.TimeAsync("-i", clip, "-map", "0:v:0", "-vf", "format=yuv420p", "-f", "null", "-");
}

internal static class Ffmpeg
{
    public static async Task<double> TimeAsync(params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        await RunAsync(arguments);
        return clock.Elapsed.TotalSeconds;
    }

    public static Task RunAsync(params string[] arguments) => TestFfmpeg.RunAsync(arguments);
}
