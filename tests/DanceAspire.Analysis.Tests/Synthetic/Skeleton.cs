using DanceAspire.Analysis.Pose;

namespace DanceAspire.Analysis.Tests.Synthetic;

/// <summary>
/// A front-facing COCO-17 stick figure about 400 px tall standing in a 720x1280 frame (feet at y ≈ 1024, torso 116 px),
/// with the few poses the tests animate: translate, swing the arms, fold the legs.
/// </summary>
public sealed class Skeleton
{
    public const int Width = 720, Height = 1280;
    public const double TorsoPx = 116;

    private static readonly (double X, double Y)[] Standing =
    [
        (360, 680), (368, 672), (352, 672), (378, 676), (342, 676), // nose, eyes, ears
        (400, 712), (320, 712), (405, 788), (315, 788), (408, 860), (312, 860), // shoulders, elbows, wrists
        (385, 828), (335, 828), (385, 926), (335, 926), (385, 1024), (335, 1024), // hips, knees, ankles
    ];

    public double[] X { get; } = Standing.Select(p => p.X).ToArray();

    public double[] Y { get; } = Standing.Select(p => p.Y).ToArray();

    public Skeleton Translate(double dx, double dy)
    {
        for (var k = 0; k < 17; k++) { X[k] += dx; Y[k] += dy; }
        return this;
    }

    /// <summary>Scales the figure about a point of the frame, as if the dancer stood nearer or farther from the camera.</summary>
    public Skeleton Scale(double factor, double aboutX = Width / 2.0, double aboutY = Height / 2.0)
    {
        for (var k = 0; k < 17; k++) { X[k] = aboutX + (X[k] - aboutX) * factor; Y[k] = aboutY + (Y[k] - aboutY) * factor; }
        return this;
    }

    /// <summary>Raises both arms sideways by the angle (mirrored), rotating elbow and wrist about the shoulder.</summary>
    public Skeleton RaiseArms(double degrees)
    {
        Rotate(Coco17.LeftShoulder, [Coco17.LeftElbow, Coco17.LeftWrist], -degrees);
        Rotate(Coco17.RightShoulder, [Coco17.RightElbow, Coco17.RightWrist], degrees);
        return this;
    }

    /// <summary>Folds the legs: depth 0 stands, 1 is a deep squat (hips nearly at knee height, knees out, torso leaning).</summary>
    public Skeleton Crouch(double depth)
    {
        for (var k = Coco17.Nose; k <= Coco17.RightWrist; k++) Y[k] += 105 * depth;
        Y[Coco17.LeftHip] += 90 * depth;
        Y[Coco17.RightHip] += 90 * depth;
        Y[Coco17.LeftKnee] += 10 * depth;
        Y[Coco17.RightKnee] += 10 * depth;
        X[Coco17.LeftKnee] += 25 * depth;
        X[Coco17.RightKnee] -= 25 * depth;
        return this;
    }

    private void Rotate(int pivot, int[] points, double degrees)
    {
        var radians = degrees * Math.PI / 180;
        double cos = Math.Cos(radians), sin = Math.Sin(radians);
        foreach (var k in points)
        {
            double dx = X[k] - X[pivot], dy = Y[k] - Y[pivot];
            X[k] = X[pivot] + dx * cos - dy * sin;
            Y[k] = Y[pivot] + dx * sin + dy * cos;
        }
    }
}
