using DanceAspire.Analysis.Pose;

namespace DanceAspire.Media.Drawing;

/// <summary>
/// Draws a pose's skeleton into an rgb24 frame in place: bones as thick lines, joints as filled disks, the body's left
/// side, right side and centre line in three colours. Only pixels under the skeleton are touched.
/// </summary>
public static class SkeletonPainter
{
    public static readonly Rgb LeftColor = new(255, 145, 0);
    public static readonly Rgb RightColor = new(0, 170, 255);
    public static readonly Rgb CentreColor = new(60, 230, 90);

    /// <summary>BlazePose-33 hand and foot bones (wrist to pinky/index/thumb, ankle to heel and toes), drawn beside COCO-17.</summary>
    private static readonly (int From, int To)[] BlazePoseExtremities =
    [
        (15, 17), (15, 19), (17, 19), (15, 21), (16, 18), (16, 20), (18, 20), (16, 22),
        (27, 29), (29, 31), (27, 31), (28, 30), (30, 32), (28, 32),
    ];

    /// <summary>Bone thickness in pixels for a frame: about 0.5 % of its shorter side, at least 2.</summary>
    public static float Thickness(int width, int height) => MathF.Max(2f, Math.Min(width, height) / 200f);

    /// <summary>The joint disks' radius: a little wider than the bones so joints stand out.</summary>
    public static float JointRadius(int width, int height) => Thickness(width, height) * 1.25f;

    /// <summary>
    /// Draws <paramref name="pose"/> into the frame; keypoints scoring under <paramref name="minScore"/> (and bones touching
    /// them) are left out. Keypoints are scaled from the pose's frame size when it differs from this frame's.
    /// </summary>
    public static void Draw(Span<byte> rgb24, int width, int height, PoseFrame pose, float minScore = 0.3f)
    {
        if (rgb24.Length < width * height * 3)
            throw new ArgumentException($"A {width}x{height} rgb24 frame needs {width * height * 3} bytes.", nameof(rgb24));
        if (!pose.HasPose) return;

        var scaleX = pose.Width > 0 ? (float)width / pose.Width : 1f;
        var scaleY = pose.Height > 0 ? (float)height / pose.Height : 1f;
        var boneRadius = Thickness(width, height) / 2f;
        var jointRadius = JointRadius(width, height);

        if (pose.Format == KeypointFormat.BlazePose33)
        {
            DrawBones(rgb24, width, height, pose.Keypoints, BlazePoseExtremities, scaleX, scaleY, boneRadius, minScore);
        }
        var coco = pose.ToCoco17().Keypoints;
        DrawBones(rgb24, width, height, coco, Coco17.Bones, scaleX, scaleY, boneRadius, minScore);
        for (var i = 0; i < coco.Length; i++)
        {
            var k = coco[i];
            if (!IsDrawable(k, minScore)) continue;
            CapsuleRasterizer.Fill(rgb24, width, height, k.X * scaleX, k.Y * scaleY, k.X * scaleX, k.Y * scaleY, jointRadius, SideColor(i, i));
        }
    }

    private static void DrawBones(Span<byte> rgb24, int width, int height, Keypoint[] keypoints, (int From, int To)[] bones,
        float scaleX, float scaleY, float radius, float minScore)
    {
        foreach (var (from, to) in bones)
        {
            if (from >= keypoints.Length || to >= keypoints.Length) continue;
            var (a, b) = (keypoints[from], keypoints[to]);
            if (!IsDrawable(a, minScore) || !IsDrawable(b, minScore)) continue;
            CapsuleRasterizer.Fill(rgb24, width, height, a.X * scaleX, a.Y * scaleY, b.X * scaleX, b.Y * scaleY, radius, SideColor(from, to));
        }
    }

    private static bool IsDrawable(Keypoint k, float minScore) =>
        k.Score >= minScore && float.IsFinite(k.X) && float.IsFinite(k.Y);

    /// <summary>
    /// In both COCO-17 and BlazePose-33 (from the shoulders down) odd indices are the body's left and even its right;
    /// index 0 is the nose. A bone whose ends disagree (shoulder to shoulder) is centre.
    /// </summary>
    private static Rgb SideColor(int from, int to)
    {
        var fromSide = Side(from);
        return fromSide == Side(to) ? fromSide switch { < 0 => LeftColor, > 0 => RightColor, _ => CentreColor } : CentreColor;
    }

    private static int Side(int index) => index == 0 ? 0 : index % 2 == 1 ? -1 : 1;
}
