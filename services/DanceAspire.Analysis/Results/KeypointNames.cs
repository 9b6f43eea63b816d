using DanceAspire.Analysis.Pose;

namespace DanceAspire.Analysis.Results;

/// <summary>The keypoint names written into the keypoints artifact, in the model's order.</summary>
public static class KeypointNames
{
    public static readonly string[] BlazePose33 =
    [
        "nose", "left_eye_inner", "left_eye", "left_eye_outer", "right_eye_inner", "right_eye", "right_eye_outer",
        "left_ear", "right_ear", "mouth_left", "mouth_right", "left_shoulder", "right_shoulder", "left_elbow",
        "right_elbow", "left_wrist", "right_wrist", "left_pinky", "right_pinky", "left_index", "right_index",
        "left_thumb", "right_thumb", "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle",
        "left_heel", "right_heel", "left_foot_index", "right_foot_index",
    ];

    public static IReadOnlyList<string> For(KeypointFormat format) => format switch
    {
        KeypointFormat.Coco17 => Coco17.Names,
        KeypointFormat.BlazePose33 => BlazePose33,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
