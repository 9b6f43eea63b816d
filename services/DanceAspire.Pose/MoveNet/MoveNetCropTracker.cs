using DanceAspire.Analysis.Pose;
using DanceAspire.Pose.Imaging;

namespace DanceAspire.Pose.MoveNet;

/// <summary>
/// Chooses the square region of the next frame that MoveNet looks at, the way MoveNet's authors track a single person:
/// centred on the hips, sized from the torso and the body's extent in the previous frame, and back to the whole frame
/// whenever the torso is not seen well enough.
/// </summary>
public static class MoveNetCropTracker
{
    /// <summary>A keypoint counts towards the crop only above this score.</summary>
    public const float MinKeypointScore = 0.2f;

    // Margins around the torso and the whole body, as MoveNet's reference tracker uses.
    private const float TorsoExpansion = 1.9f;
    private const float BodyExpansion = 1.2f;

    private static readonly int[] TorsoJoints = [Coco17.LeftShoulder, Coco17.RightShoulder, Coco17.LeftHip, Coco17.RightHip];

    /// <summary>The crop for a frame with nothing to go on: a square covering the whole frame, padded on the short side.</summary>
    public static RotatedRect FullFrame(int width, int height) => RotatedRect.CoveringSquare(width, height);

    /// <summary>Whether a hip and a shoulder are both seen well enough to centre and size a crop on.</summary>
    public static bool TorsoVisible(ReadOnlySpan<Keypoint> keypoints) =>
        (keypoints[Coco17.LeftHip].Score > MinKeypointScore || keypoints[Coco17.RightHip].Score > MinKeypointScore) &&
        (keypoints[Coco17.LeftShoulder].Score > MinKeypointScore || keypoints[Coco17.RightShoulder].Score > MinKeypointScore);

    /// <summary>The crop for the next frame from this frame's COCO-17 keypoints (frame pixels).</summary>
    public static RotatedRect Next(ReadOnlySpan<Keypoint> keypoints, int width, int height)
    {
        if (keypoints.Length != 17 || !TorsoVisible(keypoints)) return FullFrame(width, height);

        var centerX = (keypoints[Coco17.LeftHip].X + keypoints[Coco17.RightHip].X) / 2;
        var centerY = (keypoints[Coco17.LeftHip].Y + keypoints[Coco17.RightHip].Y) / 2;

        float torsoX = 0, torsoY = 0;
        foreach (var joint in TorsoJoints)
        {
            torsoX = MathF.Max(torsoX, MathF.Abs(centerX - keypoints[joint].X));
            torsoY = MathF.Max(torsoY, MathF.Abs(centerY - keypoints[joint].Y));
        }
        float bodyX = 0, bodyY = 0;
        foreach (var keypoint in keypoints)
        {
            if (keypoint.Score < MinKeypointScore) continue;
            bodyX = MathF.Max(bodyX, MathF.Abs(centerX - keypoint.X));
            bodyY = MathF.Max(bodyY, MathF.Abs(centerY - keypoint.Y));
        }

        var half = MathF.Max(MathF.Max(torsoX * TorsoExpansion, torsoY * TorsoExpansion), MathF.Max(bodyX * BodyExpansion, bodyY * BodyExpansion));
        // Never reach further past the frame than the farthest frame edge from the centre.
        half = MathF.Min(half, MathF.Max(MathF.Max(centerX, width - centerX), MathF.Max(centerY, height - centerY)));

        // A crop bigger than the frame gains nothing over the full view.
        if (half > Math.Max(width, height) / 2f) return FullFrame(width, height);
        return new RotatedRect(centerX, centerY, 2 * half, 2 * half);
    }
}
