namespace DanceAspire.Pose.Imaging;

/// <summary>
/// Resamples a (possibly rotated) rectangle of an RGB24 frame into a model's NHWC input with bilinear filtering.
/// Pixels outside the frame read as black, which is how the models were fed padded crops in training.
/// </summary>
public static class FrameSampler
{
    /// <summary>
    /// Fills <paramref name="destination"/> (outputHeight x outputWidth x 3) with <c>value * scale + offset</c> for each
    /// sampled channel value (0..255). Output pixel centres are sampled, so (u, v) = ((i + 0.5) / outputWidth, ...).
    /// </summary>
    public static void Sample(
        ReadOnlySpan<byte> rgb24, int width, int height, RotatedRect rect,
        Span<float> destination, int outputWidth, int outputHeight, float scale = 1f, float offset = 0f)
    {
        if (rgb24.Length < width * height * 3) throw new ArgumentException($"Frame holds {rgb24.Length} bytes; {width}x{height} RGB24 needs {width * height * 3}.", nameof(rgb24));
        if (destination.Length < outputWidth * outputHeight * 3) throw new ArgumentException("Destination is smaller than the model input.", nameof(destination));

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

        var stride = width * 3;
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
                    var p = y0 * stride + x0 * 3;
                    var w00 = (1 - fx) * (1 - fy);
                    var w01 = fx * (1 - fy);
                    var w10 = (1 - fx) * fy;
                    var w11 = fx * fy;
                    r = rgb24[p] * w00 + rgb24[p + 3] * w01 + rgb24[p + stride] * w10 + rgb24[p + stride + 3] * w11;
                    g = rgb24[p + 1] * w00 + rgb24[p + 4] * w01 + rgb24[p + stride + 1] * w10 + rgb24[p + stride + 4] * w11;
                    b = rgb24[p + 2] * w00 + rgb24[p + 5] * w01 + rgb24[p + stride + 2] * w10 + rgb24[p + stride + 5] * w11;
                }
                else if (x0 >= -1 && y0 >= -1 && x0 < width && y0 < height)
                {
                    // On the frame's edge: neighbours outside count as black.
                    Accumulate(rgb24, width, height, x0, y0, (1 - fx) * (1 - fy), ref r, ref g, ref b);
                    Accumulate(rgb24, width, height, x0 + 1, y0, fx * (1 - fy), ref r, ref g, ref b);
                    Accumulate(rgb24, width, height, x0, y0 + 1, (1 - fx) * fy, ref r, ref g, ref b);
                    Accumulate(rgb24, width, height, x0 + 1, y0 + 1, fx * fy, ref r, ref g, ref b);
                }
                destination[index] = r * scale + offset;
                destination[index + 1] = g * scale + offset;
                destination[index + 2] = b * scale + offset;
            }
        }
    }

    /// <summary>As <see cref="Sample(ReadOnlySpan{byte}, int, int, RotatedRect, Span{float}, int, int, float, float)"/>, rounded to 0..255 integers.</summary>
    public static void Sample(
        ReadOnlySpan<byte> rgb24, int width, int height, RotatedRect rect,
        Span<int> destination, Span<float> scratch, int outputWidth, int outputHeight)
    {
        var count = outputWidth * outputHeight * 3;
        Sample(rgb24, width, height, rect, scratch, outputWidth, outputHeight);
        for (var i = 0; i < count; i++) destination[i] = (int)MathF.Round(scratch[i]);
    }

    private static void Accumulate(ReadOnlySpan<byte> rgb24, int width, int height, int x, int y, float weight, ref float r, ref float g, ref float b)
    {
        if (x < 0 || y < 0 || x >= width || y >= height) return;
        var p = (y * width + x) * 3;
        r += rgb24[p] * weight;
        g += rgb24[p + 1] * weight;
        b += rgb24[p + 2] * weight;
    }
}
