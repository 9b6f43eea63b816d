namespace DanceAspire.Media.Drawing;

/// <summary>
/// Fills capsules (a segment thickened by a radius; a disk when both ends meet) in one image plane whose pixels are
/// <c>pixel.Length</c> bytes (three for rgb24, one for a Y, U or V plane), all set to <c>pixel</c>. A capsule is convex,
/// so each row crosses it in one run of pixels, found analytically: the work is the rows spanned plus the pixels filled,
/// never the bounding box. Pixels are sampled at their centres; everything outside the image is clipped.
/// </summary>
internal static class CapsuleRasterizer
{
    public static void Fill(Span<byte> plane, int width, int height, float ax, float ay, float bx, float by, float radius, ReadOnlySpan<byte> pixel)
    {
        if (radius <= 0 || !float.IsFinite(ax) || !float.IsFinite(ay) || !float.IsFinite(bx) || !float.IsFinite(by)) return;
        var firstRow = Math.Max(0, (int)MathF.Floor(MathF.Min(ay, by) - radius));
        var lastRow = Math.Min(height - 1, (int)MathF.Ceiling(MathF.Max(ay, by) + radius));
        if (firstRow > lastRow) return;

        var dx = bx - ax;
        var dy = by - ay;
        var length = MathF.Sqrt(dx * dx + dy * dy);
        var (ux, uy) = length > 1e-4f ? (dx / length, dy / length) : (0f, 0f);

        for (var row = firstRow; row <= lastRow; row++)
        {
            var py = row + 0.5f;
            var (lo, hi) = (float.PositiveInfinity, float.NegativeInfinity);
            Widen(ref lo, ref hi, DiskSpan(ax, ay, radius, py));
            Widen(ref lo, ref hi, DiskSpan(bx, by, radius, py));
            if (length > 1e-4f) Widen(ref lo, ref hi, BodySpan(ax, ay, ux, uy, length, radius, py));
            if (lo > hi) continue;

            var firstColumn = Math.Max(0, (int)MathF.Ceiling(lo - 0.5f));
            var lastColumn = Math.Min(width - 1, (int)MathF.Floor(hi - 0.5f));
            if (firstColumn > lastColumn) continue;
            FillRun(plane.Slice((row * width + firstColumn) * pixel.Length, (lastColumn - firstColumn + 1) * pixel.Length), pixel);
        }
    }

    private static void FillRun(Span<byte> run, ReadOnlySpan<byte> pixel)
    {
        if (pixel.Length == 1)
        {
            run.Fill(pixel[0]);
            return;
        }
        for (var i = 0; i < run.Length; i += pixel.Length) pixel.CopyTo(run[i..]);
    }

    private static void Widen(ref float lo, ref float hi, (float Lo, float Hi)? span)
    {
        if (span is not { } s || s.Lo > s.Hi) return;
        lo = MathF.Min(lo, s.Lo);
        hi = MathF.Max(hi, s.Hi);
    }

    /// <summary>Where row <paramref name="py"/> crosses a disk.</summary>
    private static (float, float)? DiskSpan(float cx, float cy, float radius, float py)
    {
        var d = py - cy;
        var squared = radius * radius - d * d;
        if (squared < 0) return null;
        var half = MathF.Sqrt(squared);
        return (cx - half, cx + half);
    }

    /// <summary>
    /// Where row <paramref name="py"/> crosses the capsule's rectangle: points whose projection on the unit direction u
    /// lies in [0, length] and whose distance from the segment's line is at most the radius. Both are linear in x.
    /// </summary>
    private static (float, float)? BodySpan(float ax, float ay, float ux, float uy, float length, float radius, float py)
    {
        var along = Between(ux, (py - ay) * uy, 0, length);
        var across = Between(-uy, (py - ay) * ux, -radius, radius);
        if (along is null || across is null) return null;
        var lo = MathF.Max(along.Value.Lo, across.Value.Lo) + ax;
        var hi = MathF.Min(along.Value.Hi, across.Value.Hi) + ax;
        return lo <= hi ? (lo, hi) : null;
    }

    /// <summary>The x (relative to the segment's start) with min ≤ slope·x + offset ≤ max; null when none.</summary>
    private static (float Lo, float Hi)? Between(float slope, float offset, float min, float max)
    {
        if (MathF.Abs(slope) < 1e-6f)
        {
            return offset >= min && offset <= max ? (float.NegativeInfinity, float.PositiveInfinity) : null;
        }
        var x1 = (min - offset) / slope;
        var x2 = (max - offset) / slope;
        return x1 <= x2 ? (x1, x2) : (x2, x1);
    }
}
