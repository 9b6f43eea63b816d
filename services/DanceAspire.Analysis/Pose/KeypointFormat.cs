namespace DanceAspire.Analysis.Pose;

/// <summary>The landmark layout a model produces. The wire names are the results schema's <c>keypoint_format</c>.</summary>
public enum KeypointFormat
{
    /// <summary>The 17 COCO keypoints (MoveNet).</summary>
    Coco17,

    /// <summary>BlazePose's 33 landmarks.</summary>
    BlazePose33,
}

public static class KeypointFormats
{
    public static string WireName(this KeypointFormat format) => format switch
    {
        KeypointFormat.Coco17 => "coco17",
        KeypointFormat.BlazePose33 => "blazepose33",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static int KeypointCount(this KeypointFormat format) => format switch
    {
        KeypointFormat.Coco17 => 17,
        KeypointFormat.BlazePose33 => 33,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}

/// <summary>COCO-17 indices (nose, eyes, ears, shoulders, elbows, wrists, hips, knees, ankles; left before right).</summary>
public static class Coco17
{
    public const int Nose = 0, LeftEye = 1, RightEye = 2, LeftEar = 3, RightEar = 4;
    public const int LeftShoulder = 5, RightShoulder = 6, LeftElbow = 7, RightElbow = 8, LeftWrist = 9, RightWrist = 10;
    public const int LeftHip = 11, RightHip = 12, LeftKnee = 13, RightKnee = 14, LeftAnkle = 15, RightAnkle = 16;

    public static readonly string[] Names =
    [
        "nose", "left_eye", "right_eye", "left_ear", "right_ear", "left_shoulder", "right_shoulder",
        "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_hip", "right_hip",
        "left_knee", "right_knee", "left_ankle", "right_ankle",
    ];

    /// <summary>The bones drawn in a skeleton overlay, as index pairs.</summary>
    public static readonly (int From, int To)[] Bones =
    [
        (Nose, LeftEye), (Nose, RightEye), (LeftEye, LeftEar), (RightEye, RightEar),
        (LeftShoulder, RightShoulder), (LeftShoulder, LeftElbow), (LeftElbow, LeftWrist),
        (RightShoulder, RightElbow), (RightElbow, RightWrist), (LeftShoulder, LeftHip), (RightShoulder, RightHip),
        (LeftHip, RightHip), (LeftHip, LeftKnee), (LeftKnee, LeftAnkle), (RightHip, RightKnee), (RightKnee, RightAnkle),
    ];

    /// <summary>For each COCO-17 keypoint, the BlazePose-33 landmark at the same body point.</summary>
    public static readonly int[] FromBlazePose33 = [0, 2, 5, 7, 8, 11, 12, 13, 14, 15, 16, 23, 24, 25, 26, 27, 28];
}
