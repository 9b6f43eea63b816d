namespace DanceAspire.Analysis.Imaging;

/// <summary>
/// A read-only look at one raw frame's pixels: their layout, size and bytes, without owning them. Yuv420p frames are
/// split into planes by <see cref="Y"/>, <see cref="U"/> and <see cref="V"/>.
/// </summary>
public readonly ref struct FrameView
{
    public FrameView(PixelFormat format, int width, int height, ReadOnlySpan<byte> data, YuvMatrix matrix = YuvMatrix.Bt601)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var bytes = format.FrameBytes(width, height);
        if (data.Length < bytes)
            throw new ArgumentException($"A {width}x{height} {format.FfmpegName()} frame needs {bytes} bytes; this one holds {data.Length}.", nameof(data));
        Format = format;
        Width = width;
        Height = height;
        Data = data[..bytes];
        Matrix = matrix;
    }

    public static FrameView Rgb24(ReadOnlySpan<byte> data, int width, int height) => new(PixelFormat.Rgb24, width, height, data);

    public static FrameView Yuv420p(ReadOnlySpan<byte> data, int width, int height, YuvMatrix matrix = YuvMatrix.Bt601) =>
        new(PixelFormat.Yuv420p, width, height, data, matrix);

    public PixelFormat Format { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Exactly one frame's bytes.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>How YUV converts to RGB; meaningless for rgb24.</summary>
    public YuvMatrix Matrix { get; }

    public int ChromaWidth => PixelFormats.ChromaWidth(Width);

    public int ChromaHeight => PixelFormats.ChromaHeight(Height);

    /// <summary>The luma plane (Width x Height) of a yuv420p frame.</summary>
    public ReadOnlySpan<byte> Y => Planar.Slice(0, Width * Height);

    /// <summary>The U (Cb) plane (ChromaWidth x ChromaHeight) of a yuv420p frame.</summary>
    public ReadOnlySpan<byte> U => Planar.Slice(Width * Height, ChromaWidth * ChromaHeight);

    /// <summary>The V (Cr) plane of a yuv420p frame.</summary>
    public ReadOnlySpan<byte> V => Planar.Slice(Width * Height + ChromaWidth * ChromaHeight, ChromaWidth * ChromaHeight);

    private ReadOnlySpan<byte> Planar =>
        Format == PixelFormat.Yuv420p ? Data : throw new InvalidOperationException($"A {Format} frame has no YUV planes.");
}
