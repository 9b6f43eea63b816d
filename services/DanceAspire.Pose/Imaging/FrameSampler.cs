using System.Runtime.CompilerServices;
using DanceAspire.Analysis.Imaging;

namespace DanceAspire.Pose.Imaging;

/// <summary>
/// Resamples a (possibly rotated) rectangle of a frame into a model's NHWC RGB input with bilinear filtering.
/// Pixels outside the frame read as black, which is how the models were fed padded crops in training. Yuv420p frames
/// are converted only at the pixels read, each with its 2x2 block's chroma, as ffmpeg's own rgb24 conversion does.
/// </summary>
public static class FrameSampler
{
    /// <summary>
    /// Fills <paramref name="destination"/> (outputHeight x outputWidth x 3) with <c>value * scale + offset</c> for each
    /// sampled channel value (0..255). Output pixel centres are sampled, so (u, v) = ((i + 0.5) / outputWidth, ...).
    /// </summary>
    public static void Sample(
        FrameView frame, RotatedRect rect, Span<float> destination, int outputWidth, int outputHeight, float scale = 1f, float offset = 0f)
    {
        if (destination.Length < outputWidth * outputHeight * 3) throw new ArgumentException("Destination is smaller than the model input.", nameof(destination));
        if (frame.Format == PixelFormat.Yuv420p)
        {
            Sample(new Yuv420pSource(frame), frame.Width, frame.Height, rect, destination, outputWidth, outputHeight, scale, offset);
        }
        else
        {
            Sample(new Rgb24Source(frame.Data, frame.Width), frame.Width, frame.Height, rect, destination, outputWidth, outputHeight, scale, offset);
        }
    }

    /// <summary>As <see cref="Sample(FrameView, RotatedRect, Span{float}, int, int, float, float)"/>, rounded to 0..255 integers.</summary>
    public static void Sample(FrameView frame, RotatedRect rect, Span<int> destination, Span<float> scratch, int outputWidth, int outputHeight)
    {
        var count = outputWidth * outputHeight * 3;
        Sample(frame, rect, scratch, outputWidth, outputHeight);
        for (var i = 0; i < count; i++) destination[i] = (int)MathF.Round(scratch[i]);
    }

    private static void Sample<TSource>(
        TSource source, int width, int height, RotatedRect rect, Span<float> destination, int outputWidth, int outputHeight, float scale, float offset)
        where TSource : IPixelSource, allows ref struct
    {
        // Walking one output pixel moves the source point by a fixed step, so each row is a linear walk.
        var (sin, cos) = MathF.SinCos(rect.Rotation);
        var stepUx = cos * rect.Width / outputWidth;
        var stepUy = sin * rect.Width / outputWidth;
        var stepVx = -sin * rect.Height / outputHeight;
        var stepVy = cos * rect.Height / outputHeight;
        var (originX, originY) = rect.ToFrame(0.5f / outputWidth, 0.5f / outputHeight);
        // Pixel k covers [k, k + 1): its centre is at k + 0.5.
        originX -= 0.5f;
        originY -= 0.5f;

        var index = 0;
        for (var row = 0; row < outputHeight; row++)
        {
            var x = originX + row * stepVx;
            var y = originY + row * stepVy;
            for (var column = 0; column < outputWidth; column++, x += stepUx, y += stepUy, index += 3)
            {
                var x0 = (int)MathF.Floor(x);
                var y0 = (int)MathF.Floor(y);
                var fx = x - x0;
                var fy = y - y0;
                float r = 0, g = 0, b = 0;
                if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height)
                {
                    source.Add(x0, y0, (1 - fx) * (1 - fy), ref r, ref g, ref b);
                    source.Add(x0 + 1, y0, fx * (1 - fy), ref r, ref g, ref b);
                    source.Add(x0, y0 + 1, (1 - fx) * fy, ref r, ref g, ref b);
                    source.Add(x0 + 1, y0 + 1, fx * fy, ref r, ref g, ref b);
                }
                else if (x0 >= -1 && y0 >= -1 && x0 < width && y0 < height)
                {
                    // On the frame's edge: neighbours outside count as black.
                    AddInside(source, width, height, x0, y0, (1 - fx) * (1 - fy), ref r, ref g, ref b);
                    AddInside(source, width, height, x0 + 1, y0, fx * (1 - fy), ref r, ref g, ref b);
                    AddInside(source, width, height, x0, y0 + 1, (1 - fx) * fy, ref r, ref g, ref b);
                    AddInside(source, width, height, x0 + 1, y0 + 1, fx * fy, ref r, ref g, ref b);
                }
                destination[index] = r * scale + offset;
                destination[index + 1] = g * scale + offset;
                destination[index + 2] = b * scale + offset;
            }
        }
    }

    private static void AddInside<TSource>(TSource source, int width, int height, int x, int y, float weight, ref float r, ref float g, ref float b)
        where TSource : IPixelSource, allows ref struct
    {
        if (x >= 0 && y >= 0 && x < width && y < height) source.Add(x, y, weight, ref r, ref g, ref b);
    }

    /// <summary>Reads one pixel as RGB; a struct per layout so the sampling loop is compiled once for each.</summary>
    private interface IPixelSource
    {
        void Add(int x, int y, float weight, ref float r, ref float g, ref float b);
    }

    private readonly ref struct Rgb24Source(ReadOnlySpan<byte> pixels, int width) : IPixelSource
    {
        private readonly ReadOnlySpan<byte> _pixels = pixels;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(int x, int y, float weight, ref float r, ref float g, ref float b)
        {
            var p = (y * width + x) * 3;
            r += _pixels[p] * weight;
            g += _pixels[p + 1] * weight;
            b += _pixels[p + 2] * weight;
        }
    }

    private readonly ref struct Yuv420pSource(FrameView frame) : IPixelSource
    {
        private readonly ReadOnlySpan<byte> _y = frame.Y, _u = frame.U, _v = frame.V;
        private readonly int _width = frame.Width, _chromaWidth = frame.ChromaWidth;
        private readonly YuvColor.Coefficients _matrix = YuvColor.For(frame.Matrix);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(int x, int y, float weight, ref float r, ref float g, ref float b)
        {
            var c = (y >> 1) * _chromaWidth + (x >> 1);
            var (pr, pg, pb) = YuvColor.ToRgb(_y[y * _width + x], _u[c], _v[c], _matrix);
            r += pr * weight;
            g += pg * weight;
            b += pb * weight;
        }
    }
}
