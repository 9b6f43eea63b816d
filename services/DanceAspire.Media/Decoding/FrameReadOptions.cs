using DanceAspire.Analysis.Imaging;

namespace DanceAspire.Media.Decoding;

/// <summary>
/// How to decode: the pixel format, an optional output size (give one side to keep the aspect ratio), and how many
/// frames the decoder may run ahead of the consumer.
/// </summary>
public sealed record FrameReadOptions
{
    /// <summary>Rgb24 (the default) or yuv420p, which skips the decoder's colour conversion and halves the bytes piped.</summary>
    public PixelFormat PixelFormat { get; init; } = PixelFormat.Rgb24;

    public int? Width { get; init; }

    public int? Height { get; init; }

    /// <summary>Decoded frames waiting for the consumer; bounds memory at about (this + 2) frames.</summary>
    public int FramesAhead { get; init; } = 4;
}
