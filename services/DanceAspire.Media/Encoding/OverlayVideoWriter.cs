using DanceAspire.Media.Processes;

namespace DanceAspire.Media.Encoding;

/// <summary>
/// Encodes rgb24 frames written to ffmpeg's stdin as H.264 MP4 (libx264 veryfast, yuv420p, faststart), muxing in the
/// original's audio. Frames stream straight into the pipe: nothing is held beyond ffmpeg's own lookahead.
/// </summary>
public sealed class OverlayVideoWriter : IAsyncDisposable
{
    private readonly ToolProcess _ffmpeg;
    private readonly Stream _stdin;
    private bool _completed;

    private OverlayVideoWriter(ToolProcess ffmpeg, int width, int height)
    {
        _ffmpeg = ffmpeg;
        _stdin = ffmpeg.StandardInput;
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    public int FramesWritten { get; private set; }

    /// <summary>
    /// Starts ffmpeg writing <paramref name="outputPath"/>. Use the decoder's exact frame rate so the output lasts as long
    /// as the input.
    /// </summary>
    public static OverlayVideoWriter Start(string outputPath, int width, int height, FrameRate frameRate,
        OverlayAudio? audio = null, FfmpegTools? tools = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (!frameRate.IsValid) throw new ArgumentException("The frame rate must be positive.", nameof(frameRate));

        var arguments = OverlayEncoderArguments.For(outputPath, width, height, frameRate, audio);
        var ffmpeg = ToolProcess.Start((tools ?? FfmpegTools.Default).FfmpegPath, arguments, writesStdin: true, readsStdout: false);
        return new OverlayVideoWriter(ffmpeg, width, height);
    }

    /// <summary>Writes one frame of exactly Width * Height * 3 bytes; the buffer may be reused once this returns.</summary>
    public async ValueTask WriteFrameAsync(ReadOnlyMemory<byte> rgb24, CancellationToken cancellationToken = default)
    {
        if (rgb24.Length != Width * Height * 3)
            throw new ArgumentException($"A frame must be {Width}x{Height}x3 = {Width * Height * 3} bytes, not {rgb24.Length}.", nameof(rgb24));
        ObjectDisposedException.ThrowIf(_completed, this);
        try
        {
            await _stdin.WriteAsync(rgb24, cancellationToken).ConfigureAwait(false);
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
