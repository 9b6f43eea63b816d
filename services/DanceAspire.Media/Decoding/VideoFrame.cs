using DanceAspire.Analysis.Imaging;

namespace DanceAspire.Media.Decoding;

/// <summary>
/// One decoded frame, rgb24 or yuv420p (planes one after the other), rows top to bottom. The pixels live in a pooled
/// buffer: dispose the frame when done so the decoder can reuse it; do not keep <see cref="Pixels"/> after that.
/// </summary>
public sealed class VideoFrame : IDisposable
{
    private readonly FrameBufferPool _pool;
    private readonly YuvMatrix _matrix;
    private byte[]? _buffer;

    internal VideoFrame(FrameBufferPool pool, byte[] buffer, int index, double timeSeconds, DecodePlan plan)
    {
        _pool = pool;
        _buffer = buffer;
        Index = index;
        TimeSeconds = timeSeconds;
        Width = plan.Width;
        Height = plan.Height;
        PixelFormat = plan.PixelFormat;
        _matrix = plan.Matrix;
    }

    public int Index { get; }

    /// <summary>Index / frame rate: the frame's time on the decoder's constant-rate timeline.</summary>
    public double TimeSeconds { get; }

    public int Width { get; }

    public int Height { get; }

    public PixelFormat PixelFormat { get; }

    /// <summary>How the frame's YUV converts to RGB (the source's tag; BT.601 when untagged).</summary>
    public YuvMatrix Matrix => _matrix;

    /// <summary>Exactly one frame's bytes in <see cref="PixelFormat"/> (Width * Height * 3 for rgb24).</summary>
    public Memory<byte> Pixels => (_buffer ?? throw new ObjectDisposedException(nameof(VideoFrame))).AsMemory(0, _pool.FrameBytes);

    /// <summary>The pixels as a read-only view with their layout, for pose estimation and plane access.</summary>
    public FrameView View => new(PixelFormat, Width, Height, Pixels.Span, _matrix);

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null) _pool.Return(buffer);
    }
}
