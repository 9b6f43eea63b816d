using DanceAspire.Analysis.Imaging;
using DanceAspire.Analysis.Pose;

namespace DanceAspire.Media.Drawing;

/// <summary>
/// Draws a pose's skeleton into an rgb24 or yuv420p frame in place: bones as thick lines, joints as filled disks, the
/// body's left side, right side and centre line in three colours. Only pixels under the skeleton are touched. In
/// yuv420p the shapes are drawn into the luma plane at full size and into the chroma planes at half size.
/// </summary>
public static class SkeletonPainter
{
    public static readonly Rgb LeftColor = new(255, 145, 0);
    public static readonly Rgb RightColor = new(0, 170, 255);
    public static readonly Rgb CentreColor = new(60, 230, 90);

    private static readonly Rgb[] Palette = [LeftColor, CentreColor, RightColor];

    // The palette in YUV, converted once per matrix.
    private static readonly (byte Y, byte U, byte V)[][] YuvPalettes =
        [.. Enum.GetValues<YuvMatrix>().Select(matrix => Palette.Select(c => YuvColor.FromRgb(c.R, c.G, c.B, matrix)).ToArray())];

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

    /// <summary>Draws <paramref name="pose"/> into an rgb24 frame; see <see cref="Draw(Span{byte}, PixelFormat, int, int, PoseFrame, float, YuvMatrix)"/>.</summary>
    public static void Draw(Span<byte> rgb24, int width, int height, PoseFrame pose, float minScore = 0.3f) =>
        Draw(rgb24, PixelFormat.Rgb24, width, height, pose, minScore);

    /// <summary>
    /// Draws <paramref name="pose"/> into the frame; keypoints scoring under <paramref name="minScore"/> (and bones touching
    /// them) are left out. Keypoints are scaled from the pose's frame size when it differs from this frame's.
    /// <paramref name="matrix"/> is the yuv420p frame's colour matrix, so the colours come out as in rgb24.
    /// </summary>
    public static void Draw(Span<byte> pixels, PixelFormat format, int width, int height, PoseFrame pose, float minScore = 0.3f,
        YuvMatrix matrix = YuvMatrix.Bt601)
    {
        var bytes = format.FrameBytes(width, height);
        if (pixels.Length < bytes)
            throw new ArgumentException($"A {width}x{height} {format.FfmpegName()} frame needs {bytes} bytes.", nameof(pixels));
        if (!pose.HasPose) return;

        var canvas = new Canvas(pixels[..bytes], format, width, height, matrix);
        var scaleX = pose.Width > 0 ? (float)width / pose.Width : 1f;
        var scaleY = pose.Height > 0 ? (float)height / pose.Height : 1f;
        var boneRadius = Thickness(width, height) / 2f;
        var jointRadius = JointRadius(width, height);

        if (pose.Format == KeypointFormat.BlazePose33)
        {
            DrawBones(canvas, pose.Keypoints, BlazePoseExtremities, scaleX, scaleY, boneRadius, minScore);
        }
        var coco = pose.ToCoco17().Keypoints;
        DrawBones(canvas, coco, Coco17.Bones, scaleX, scaleY, boneRadius, minScore);
        for (var i = 0; i < coco.Length; i++)
        {
            var k = coco[i];
            if (!IsDrawable(k, minScore)) continue;
            canvas.Fill(k.X * scaleX, k.Y * scaleY, k.X * scaleX, k.Y * scaleY, jointRadius, SideColor(i, i));
        }
    }

    private static void DrawBones(Canvas canvas, Keypoint[] keypoints, (int From, int To)[] bones,
        float scaleX, float scaleY, float radius, float minScore)
    {
        foreach (var (from, to) in bones)
        {
            if (from >= keypoints.Length || to >= keypoints.Length) continue;
            var (a, b) = (keypoints[from], keypoints[to]);
            if (!IsDrawable(a, minScore) || !IsDrawable(b, minScore)) continue;
            canvas.Fill(a.X * scaleX, a.Y * scaleY, b.X * scaleX, b.Y * scaleY, radius, SideColor(from, to));
        }
    }

    private static bool IsDrawable(Keypoint k, float minScore) =>
        k.Score >= minScore && float.IsFinite(k.X) && float.IsFinite(k.Y);

    /// <summary>
    /// In both COCO-17 and BlazePose-33 (from the shoulders down) odd indices are the body's left and even its right;
    /// index 0 is the nose. A bone whose ends disagree (shoulder to shoulder) is centre. Returns the palette index.
    /// </summary>
    private static int SideColor(int from, int to)
    {
        var fromSide = Side(from);
        return fromSide == Side(to) ? fromSide + 1 : 1;
    }

    private static int Side(int index) => index == 0 ? 0 : index % 2 == 1 ? -1 : 1;

    /// <summary>The frame being painted: one rgb24 plane, or yuv420p's luma plane and its two half-size chroma planes.</summary>
    private readonly ref struct Canvas(Span<byte> pixels, PixelFormat format, int width, int height, YuvMatrix matrix)
    {
        private readonly Span<byte> _pixels = pixels;

        public void Fill(float ax, float ay, float bx, float by, float radius, int color)
        {
            if (format == PixelFormat.Rgb24)
            {
                var rgb = Palette[color];
                CapsuleRasterizer.Fill(_pixels, width, height, ax, ay, bx, by, radius, [rgb.R, rgb.G, rgb.B]);
                return;
            }
            var (y, u, v) = YuvPalettes[(int)matrix][color];
            var (chromaWidth, chromaHeight) = (PixelFormats.ChromaWidth(width), PixelFormats.ChromaHeight(height));
            var lumaBytes = width * height;
            var chromaBytes = chromaWidth * chromaHeight;
            CapsuleRasterizer.Fill(_pixels[..lumaBytes], width, height, ax, ay, bx, by, radius, [y]);
            // A chroma sample's centre sits at the centre of its 2x2 luma block: halving the coordinates maps onto it.
            var (hax, hay, hbx, hby, hr) = (ax / 2, ay / 2, bx / 2, by / 2, radius / 2);
            CapsuleRasterizer.Fill(_pixels.Slice(lumaBytes, chromaBytes), chromaWidth, chromaHeight, hax, hay, hbx, hby, hr, [u]);
            CapsuleRasterizer.Fill(_pixels.Slice(lumaBytes + chromaBytes, chromaBytes), chromaWidth, chromaHeight, hax, hay, hbx, hby, hr, [v]);
        }
    }
}
