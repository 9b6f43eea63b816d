using DanceAspire.Analysis.Imaging;
using DanceAspire.Media.Processes;

namespace DanceAspire.Media;

/// <summary>Writes one rgb24 or yuv420p frame as a JPEG through ffmpeg, scaled down to at most a given width.</summary>
public sealed class ThumbnailWriter(FfmpegTools? tools = null)
{
    private readonly FfmpegTools _tools = tools ?? FfmpegTools.Default;

    public Task WriteJpegAsync(ReadOnlyMemory<byte> rgb24, int width, int height, string outputPath,
        int maxWidth = 480, CancellationToken cancellationToken = default) =>
        WriteJpegAsync(rgb24, PixelFormat.Rgb24, width, height, outputPath, maxWidth, cancellationToken);

    public async Task WriteJpegAsync(ReadOnlyMemory<byte> pixels, PixelFormat format, int width, int height, string outputPath,
        int maxWidth = 480, CancellationToken cancellationToken = default)
    {
        var bytes = format.FrameBytes(width, height);
        if (pixels.Length != bytes)
            throw new ArgumentException($"A {width}x{height} {format.FfmpegName()} frame is {bytes} bytes, not {pixels.Length}.", nameof(pixels));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWidth, 2);

        var (outWidth, outHeight) = ThumbnailSize(width, height, maxWidth);
        string[] arguments =
        [
            "-nostdin", "-v", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", format.FfmpegName(), "-s", $"{width}x{height}", "-i", "pipe:0",
            "-vf", $"scale={outWidth}:{outHeight}", "-frames:v", "1", "-q:v", "3", "-f", "image2", "-c:v", "mjpeg", outputPath,
        ];
        await using var ffmpeg = ToolProcess.Start(_tools.FfmpegPath, arguments, writesStdin: true, readsStdout: false);
        try
        {
            await ffmpeg.StandardInput.WriteAsync(pixels, cancellationToken);
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
