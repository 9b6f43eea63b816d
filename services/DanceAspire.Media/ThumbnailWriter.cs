using DanceAspire.Media.Processes;

namespace DanceAspire.Media;

/// <summary>Writes one rgb24 frame as a JPEG through ffmpeg, scaled down to at most a given width.</summary>
public sealed class ThumbnailWriter(FfmpegTools? tools = null)
{
    private readonly FfmpegTools _tools = tools ?? FfmpegTools.Default;

    public async Task WriteJpegAsync(ReadOnlyMemory<byte> rgb24, int width, int height, string outputPath,
        int maxWidth = 480, CancellationToken cancellationToken = default)
    {
        if (rgb24.Length != width * height * 3)
            throw new ArgumentException($"A {width}x{height} frame is {width * height * 3} bytes, not {rgb24.Length}.", nameof(rgb24));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWidth, 2);

        var (outWidth, outHeight) = ThumbnailSize(width, height, maxWidth);
        string[] arguments =
        [
            "-nostdin", "-v", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", $"{width}x{height}", "-i", "pipe:0",
            "-vf", $"scale={outWidth}:{outHeight}", "-frames:v", "1", "-q:v", "3", "-f", "image2", "-c:v", "mjpeg", outputPath,
        ];
        await using var ffmpeg = ToolProcess.Start(_tools.FfmpegPath, arguments, writesStdin: true, readsStdout: false);
        try
        {
            await ffmpeg.StandardInput.WriteAsync(rgb24, cancellationToken);
            ffmpeg.StandardInput.Close();
        }
        catch (IOException)
        {
            // ffmpeg stopped reading: the exit code below says why.
        }
        var exitCode = await ffmpeg.WaitForExitAsync(cancellationToken);
        if (exitCode != 0) throw ffmpeg.Failure("write the thumbnail", exitCode);
    }

    /// <summary>The frame's size, or scaled to <paramref name="maxWidth"/> keeping the aspect ratio (never enlarged).</summary>
    public static (int Width, int Height) ThumbnailSize(int width, int height, int maxWidth) =>
        width <= maxWidth ? (width, height) : (maxWidth, Math.Max(1, (int)Math.Round((double)height * maxWidth / width)));
}
