namespace DanceAspire.Pose.Imaging;

/// <summary>
/// A rectangle in frame pixels, turned by <see cref="Rotation"/> radians (clockwise on screen, since y points down)
/// about its centre. Points inside it are addressed as (u, v) in 0..1 from its top-left to its bottom-right corner,
/// as a model sees its input.
/// </summary>
public readonly record struct RotatedRect(float CenterX, float CenterY, float Width, float Height, float Rotation = 0f)
{
    /// <summary>The frame pixel at (u, v) of the rectangle.</summary>
    public (float X, float Y) ToFrame(float u, float v)
    {
        var (sin, cos) = MathF.SinCos(Rotation);
        var dx = (u - 0.5f) * Width;
        var dy = (v - 0.5f) * Height;
        return (CenterX + cos * dx - sin * dy, CenterY + sin * dx + cos * dy);
    }

    /// <summary>The (u, v) of a frame pixel: the inverse of <see cref="ToFrame"/>.</summary>
    public (float U, float V) FromFrame(float x, float y)
    {
        var (sin, cos) = MathF.SinCos(Rotation);
        var dx = x - CenterX;
        var dy = y - CenterY;
        return ((cos * dx + sin * dy) / Width + 0.5f, (-sin * dx + cos * dy) / Height + 0.5f);
    }

    /// <summary>The axis-aligned square, centred on the frame, that covers the whole frame (padding the short side).</summary>
    public static RotatedRect CoveringSquare(int width, int height)
    {
        var side = Math.Max(width, height);
        return new RotatedRect(width / 2f, height / 2f, side, side);
    }

    /// <summary>Wraps an angle into [-pi, pi).</summary>
    public static float NormalizeRadians(float angle) =>
        angle - 2 * MathF.PI * MathF.Floor((angle + MathF.PI) / (2 * MathF.PI));
}
