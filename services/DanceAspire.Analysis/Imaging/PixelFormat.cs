namespace DanceAspire.Analysis.Imaging;

/// <summary>How a raw frame's bytes are laid out; both are ffmpeg's <c>rawvideo</c> layouts with no row padding.</summary>
public enum PixelFormat
{
    /// <summary>One plane, three bytes (R, G, B) per pixel.</summary>
    Rgb24,

    /// <summary>
    /// Three planes: Y at full size, then U and V at half size each way (ceil(width / 2) x ceil(height / 2)), limited
    /// range. What H.264 decoders produce and encoders take, so carrying it avoids two colour conversions per frame.
    /// </summary>
    Yuv420p,
}

/// <summary>The YUV to RGB matrix a video was made with (ffprobe's <c>color_space</c>); untagged videos are BT.601.</summary>
public enum YuvMatrix
{
    Bt601,
    Bt709,
}

public static class PixelFormats
{
    /// <summary>Bytes of one <paramref name="width"/> x <paramref name="height"/> frame in <paramref name="format"/>.</summary>
    public static int FrameBytes(this PixelFormat format, int width, int height) => format switch
    {
        PixelFormat.Rgb24 => width * height * 3,
        PixelFormat.Yuv420p => width * height + 2 * ChromaWidth(width) * ChromaHeight(height),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>ffmpeg's <c>-pix_fmt</c> name.</summary>
    public static string FfmpegName(this PixelFormat format) => format switch
    {
        PixelFormat.Rgb24 => "rgb24",
        PixelFormat.Yuv420p => "yuv420p",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static int ChromaWidth(int width) => (width + 1) / 2;

    public static int ChromaHeight(int height) => (height + 1) / 2;
}
