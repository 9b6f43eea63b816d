namespace DanceAspire.Media.Decoding;

/// <summary>
/// One decoded frame, rgb24, rows top to bottom. The pixels live in a pooled buffer: dispose the frame when done so the
/// decoder can reuse it; do not keep <see cref="Pixels"/> after that.
/// </summary>
public sealed class VideoFrame : IDisposable
{
    private readonly FrameBufferPool _pool;
    private byte[]? _buffer;

    internal VideoFrame(FrameBufferPool pool, byte[] buffer, int index, double timeSeconds, int width, int height)
    {
        _pool = pool;
        _buffer = buffer;
        Index = index;
        TimeSeconds = timeSeconds;
        Width = width;
        Height = height;
    }

    public int Index { get; }

    /// <summary>Index / frame rate: the frame's time on the decoder's constant-rate timeline.</summary>
    public double TimeSeconds { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Exactly Width * Height * 3 bytes.</summary>
    public Memory<byte> Pixels => (_buffer ?? throw new ObjectDisposedException(nameof(VideoFrame))).AsMemory(0, _pool.FrameBytes);

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null) _pool.Return(buffer);
    }
}
