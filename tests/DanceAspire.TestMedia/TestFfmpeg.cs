using System.Diagnostics;

namespace DanceAspire.Testing;

/// <summary>The real ffmpeg for tests and benchmarks: making media, and reading what ffmpeg itself decodes.</summary>
public static class TestFfmpeg
{
    /// <summary>Runs <c>ffmpeg -nostdin -v error -y ARGUMENTS</c>; throws with ffmpeg's complaint when it fails.</summary>
    public static void Run(params string[] arguments) => Execute(arguments, captureOutput: false);

    /// <summary>As <see cref="Run"/>, on a worker thread.</summary>
    public static Task RunAsync(params string[] arguments) => Task.Run(() => Run(arguments));

    /// <summary>Runs ffmpeg writing raw bytes to its standard output (end the arguments with <c>pipe:1</c>) and returns them.</summary>
    public static byte[] Read(params string[] arguments) => Execute(arguments, captureOutput: true);

    /// <summary>Every frame of a video or image as ffmpeg decodes it, in a raw pixel format (rgb24, yuv420p, ...).</summary>
    public static byte[] DecodeRaw(string path, string pixelFormat = "rgb24") =>
        Read("-i", path, "-f", "rawvideo", "-pix_fmt", pixelFormat, "pipe:1");

    private static byte[] Execute(string[] arguments, bool captureOutput)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = captureOutput, UseShellExecute = false };
        foreach (var argument in (string[])["-nostdin", "-v", "error", "-y", .. arguments]) start.ArgumentList.Add(argument);
        using var ffmpeg = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start.");
        var errors = ffmpeg.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        if (captureOutput) ffmpeg.StandardOutput.BaseStream.CopyTo(output);
        ffmpeg.WaitForExit();
        return ffmpeg.ExitCode == 0
            ? output.ToArray()
            : throw new InvalidOperationException($"ffmpeg {string.Join(' ', arguments)} failed ({ffmpeg.ExitCode}): {errors.Result}");
    }
}
