using DanceAspire.Pose.Imaging;

namespace DanceAspire.Pose.BlazePose;

/// <summary>
/// The rotated square BlazePose's landmark model looks at, from two alignment points in frame pixels: the hips'
/// midpoint (the centre) and a point on the circle around the whole body (its radius). The square is turned so the
/// body stands upright in it and enlarged so limbs at the edge stay inside.
/// </summary>
public static class PoseRegion
{
    /// <summary>How much larger than the body circle's diameter the square is.</summary>
    public const float Expansion = 1.25f;

    public static RotatedRect FromAlignmentPoints(float centerX, float centerY, float scaleX, float scaleY)
    {
        var dx = scaleX - centerX;
        var dy = scaleY - centerY;
        var size = 2 * MathF.Sqrt(dx * dx + dy * dy) * Expansion;
        // The vector from hips to body circle point should point up (90 degrees, y up); rotate by the difference.
        var rotation = RotatedRect.NormalizeRadians(MathF.PI / 2 - MathF.Atan2(-dy, dx));
        return new RotatedRect(centerX, centerY, size, size, rotation);
    }
}
