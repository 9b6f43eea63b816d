using DanceAspire.Analysis.Pose;

namespace DanceAspire.Analysis.Motion;

/// <summary>The six body parts whose activity is reported.</summary>
public enum BodyPart { Head, Torso, LeftArm, RightArm, LeftLeg, RightLeg }

/// <summary>
/// Which keypoints make up each part, and the anchor their motion is measured against, so a part's activity is its
/// own motion: arms relative to their shoulder, legs to their hip, the head to the shoulder midpoint; the torso
/// (shoulders and hips) is measured as it moves in the frame.
/// </summary>
public sealed record BodyPartKeypoints(BodyPart Part, int[] Keypoints, int[] Anchor)
{
    public static readonly BodyPartKeypoints[] All =
    [
        new(BodyPart.Head, [Coco17.Nose, Coco17.LeftEye, Coco17.RightEye, Coco17.LeftEar, Coco17.RightEar], [Coco17.LeftShoulder, Coco17.RightShoulder]),
        new(BodyPart.Torso, [Coco17.LeftShoulder, Coco17.RightShoulder, Coco17.LeftHip, Coco17.RightHip], []),
        new(BodyPart.LeftArm, [Coco17.LeftElbow, Coco17.LeftWrist], [Coco17.LeftShoulder]),
        new(BodyPart.RightArm, [Coco17.RightElbow, Coco17.RightWrist], [Coco17.RightShoulder]),
        new(BodyPart.LeftLeg, [Coco17.LeftKnee, Coco17.LeftAnkle], [Coco17.LeftHip]),
        new(BodyPart.RightLeg, [Coco17.RightKnee, Coco17.RightAnkle], [Coco17.RightHip]),
    ];
}
