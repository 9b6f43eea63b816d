namespace DanceAspire.Pose.BlazePose;

/// <summary>
/// A person the detector found: a box and keypoints in 0..1 of the detector's input. BlazePose's four keypoints are
/// the hips' midpoint, a point on the circle enclosing the whole body, the shoulders' midpoint and a point on the
/// circle enclosing the upper body.
/// </summary>
public sealed record Detection(float Score, float XMin, float YMin, float XMax, float YMax, (float X, float Y)[] Keypoints)
{
    public float Width => XMax - XMin;
    public float Height => YMax - YMin;

    /// <summary>Intersection over union of the two boxes; 0 when either is empty.</summary>
    public float IntersectionOverUnion(Detection other)
    {
        var width = MathF.Min(XMax, other.XMax) - MathF.Max(XMin, other.XMin);
        var height = MathF.Min(YMax, other.YMax) - MathF.Max(YMin, other.YMin);
        if (width <= 0 || height <= 0) return 0;
        var intersection = width * height;
        var union = Width * Height + other.Width * other.Height - intersection;
        return union <= 0 ? 0 : intersection / union;
    }
}
