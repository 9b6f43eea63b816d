using DanceAspire.Analysis.Imaging;
using DanceAspire.Media.Processes;

namespace DanceAspire.Media.Encoding;

/// <summary>
/// Encodes rgb24 or yuv420p frames written to ffmpeg's stdin as H.264 MP4 (libx264 veryfast, yuv420p, faststart), muxing in the
/// original's audio. Frames stream straight into the pipe: nothing is held beyond ffmpeg's own lookahead.
/// </summary>
public sealed class OverlayVideoWriter : IAsyncDisposable
{
    private readonly ToolProcess _ffmpeg;
    private readonly Stream _stdin;
    private bool _completed;

    private OverlayVideoWriter(ToolProcess ffmpeg, int width, int height, PixelFormat pixelFormat)
    {
        _ffmpeg = ffmpeg;
        _stdin = ffmpeg.StandardInput;
        Width = width;
        Height = height;
        PixelFormat = pixelFormat;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The layout of the frames it takes.</summary>
    public PixelFormat PixelFormat { get; }

    /// <summary>Bytes of one frame.</summary>
    public int FrameBytes => PixelFormat.FrameBytes(Width, Height);

    public int FramesWritten { get; private set; }

    /// <summary>
    /// Starts ffmpeg writing <paramref name="outputPath"/>. Use the decoder's exact frame rate so the output lasts as long
    /// as the input; take the decoder's pixel format and matrix too, so frames pass through without conversion.
    /// </summary>
    public static OverlayVideoWriter Start(string outputPath, int width, int height, FrameRate frameRate,
        OverlayAudio? audio = null, FfmpegTools? tools = null, PixelFormat pixelFormat = PixelFormat.Rgb24, YuvMatrix matrix = YuvMatrix.Bt601)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (!frameRate.IsValid) throw new ArgumentException("The frame rate must be positive.", nameof(frameRate));

        var arguments = OverlayEncoderArguments.For(outputPath, width, height, frameRate, audio, pixelFormat, matrix);
        var ffmpeg = ToolProcess.Start((tools ?? FfmpegTools.Default).FfmpegPath, arguments, writesStdin: true, readsStdout: false);
        return new OverlayVideoWriter(ffmpeg, width, height, pixelFormat);
    }

    /// <summary>Writes one frame of exactly <see cref="FrameBytes"/> bytes; the buffer may be reused once this returns.</summary>
    public async ValueTask WriteFrameAsync(ReadOnlyMemory<byte> pixels, CancellationToken cancellationToken = default)
    {
        if (pixels.Length != FrameBytes)
            throw new ArgumentException($"A {Width}x{Height} {PixelFormat.FfmpegName()} frame must be {FrameBytes} bytes, not {pixels.Length}.", nameof(pixels));
        ObjectDisposedException.ThrowIf(_completed, this);
        try
        {
            await _stdin.WriteAsync(pixels, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // ffmpeg closed its end: it has failed; its exit code and stderr say why.
            var exitCode = await _ffmpeg.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            throw _ffmpeg.Failure("encode the overlay video", exitCode);
        }
        FramesWritten++;
    }

    /// <summary>Closes ffmpeg's input and waits for the file to be finished; throws with ffmpeg's stderr on failure.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_completed) return;
        _completed = true;
        try
        {
            await _stdin.FlushAsync(cancellationToken).ConfigureAwait(false);
            _stdin.Close();
        }
        catch (IOException)
        {
            // Already closed by a failing ffmpeg; the exit code below reports it.
        }
        var exitCode = await _ffmpeg.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (exitCode != 0) throw _ffmpeg.Failure("encode the overlay video", exitCode);
    }

    /// <summary>Ends ffmpeg without finishing the file when <see cref="CompleteAsync"/> was not called.</summary>
    public ValueTask DisposeAsync() => _ffmpeg.DisposeAsync();
}
