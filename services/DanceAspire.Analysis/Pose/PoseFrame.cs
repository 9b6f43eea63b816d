namespace DanceAspire.Analysis.Pose;

/// <summary>
/// The pose found in one video frame: <see cref="Keypoints"/> in the layout of <see cref="Format"/>, in pixels of a
/// <see cref="Width"/> x <see cref="Height"/> frame; empty when nobody was found.
/// </summary>
public sealed record PoseFrame(int Index, double TimeSeconds, int Width, int Height, KeypointFormat Format, Keypoint[] Keypoints)
{
    /// <summary>The pose's overall confidence (the mean keypoint score for MoveNet, the presence score for BlazePose).</summary>
    public float Score { get; init; }

    public bool HasPose => Keypoints.Length > 0;

    /// <summary>The same pose with COCO-17 keypoints (BlazePose's landmarks mapped; MoveNet's as they are).</summary>
    public PoseFrame ToCoco17()
    {
        if (Format == KeypointFormat.Coco17 || !HasPose) return this with { Format = KeypointFormat.Coco17 };
        var mapped = new Keypoint[17];
        for (var i = 0; i < 17; i++) mapped[i] = Keypoints[Coco17.FromBlazePose33[i]];
        return this with { Format = KeypointFormat.Coco17, Keypoints = mapped };
    }
}
