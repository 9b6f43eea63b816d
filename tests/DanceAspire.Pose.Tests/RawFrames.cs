using System.Diagnostics;
using DanceAspire.Analysis.Imaging;

namespace DanceAspire.Pose.Tests;

/// <summary>Decodes media to raw frames (rgb24 unless told) with the real ffmpeg, reading its raw output from a pipe.</summary>
internal static class RawFrames
{
    public static List<byte[]> Decode(string path, int width, int height, PixelFormat format = PixelFormat.Rgb24)
    {
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", format.FfmpegName(), "pipe:1" }) start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        var frames = new List<byte[]>();
        var stream = process.StandardOutput.BaseStream;
        while (true)
        {
            var frame = new byte[format.FrameBytes(width, height)];
            var read = stream.ReadAtLeast(frame, frame.Length, throwOnEndOfStream: false);
            if (read == 0) break;
            if (read != frame.Length) throw new InvalidDataException($"ffmpeg gave a partial frame ({read} bytes) for {path}: is it {width}x{height}?");
            frames.Add(frame);
        }
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg failed on {path}: {errors.Result}");
        return frames;
    }
}
