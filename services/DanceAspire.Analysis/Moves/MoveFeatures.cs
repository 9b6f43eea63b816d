using DanceAspire.Analysis.Metrics;
using DanceAspire.Analysis.Motion;
using DanceAspire.Analysis.Pose;
using DanceAspire.Analysis.Smoothing;

namespace DanceAspire.Analysis.Moves;

/// <summary>
/// What the move library knows of a move's motion, from the pose frames of its segment: an embedding for "find moves
/// like this one", the poses it starts and ends in (for continuity at cuts), its energy and a difficulty.
/// </summary>
/// <param name="Embedding">
/// <see cref="EmbeddingLength"/> floats, L2-normalized (so cosine similarity is a dot product; all zeros when no frame
/// had a pose). Every block is in the dancer's own frame (<see cref="BodyFrame"/>): keypoints relative to the hip
/// centre, divided by the torso length, x right and y down, so it does not depend on where the dancer stands or how
/// large they appear. Blocks are statistics over the whole move rather than poses at fixed phases, because segments
/// cut a repeating move at an arbitrary point of its cycle. The 11 joints J are nose, left/right shoulder, elbow,
/// wrist, knee, ankle (COCO-17 order; hips are the origin).
/// <list type="table">
/// <item><term>[0, 22) posture</term><description>per joint of J, the mean (x, y) minus that joint in a neutral standing
/// pose (<see cref="NeutralPose"/>): 0 for standing with arms down, large for a crouch or raised arms.</description></item>
/// <item><term>[22, 44) range of motion</term><description>per joint of J, the standard deviation of x and of y over
/// the move: which joints move, and along which axis.</description></item>
/// <item><term>[44, 52) limb speed</term><description>left arm, right arm, left leg, right leg (elbow and wrist
/// relative to the shoulder, knee and ankle relative to the hip; <see cref="Kinematics.PartSpeed"/>): the mean and the
/// 90th percentile of the speed, in torso lengths per ⅓ s (a brisk limb ≈ 1, like the other blocks).</description></item>
/// <item><term>[52, 56) hip travel</term><description>the hip centre's movement in the image, in torso lengths:
/// vertical standard deviation, vertical range (95th − 5th percentile), horizontal standard deviation, horizontal net
/// travel (last − first, + = to the image's right).</description></item>
/// <item><term>[56, 64) joint bend</term><description>left elbow, right elbow, left knee, right knee: the mean and
/// the range (95th − 5th percentile) of the bend, (180° − the joint's angle) / 180°: 0 straight, 1 folded.</description></item>
/// </list>
/// Joints below the confidence threshold are left out of every statistic (a joint never seen contributes 0); short
/// dropouts are interpolated by <see cref="PoseTrack"/>.
/// </param>
/// <param name="FirstPose">The 17 COCO keypoints (x, y interleaved, <see cref="PoseLength"/> floats) at the move's first
/// usable frame, in the same hip-centred, torso-scaled frame; a keypoint missing there comes from the nearest later frame
/// that has it, else 0.</param>
/// <param name="LastPose">As <paramref name="FirstPose"/>, at the last usable frame (missing keypoints from earlier frames).</param>
/// <param name="Energy">0..100: the time-weighted mean intensity (<see cref="IntensityMeter"/> of the velocity averaged
/// over 1 s), the rule of a segment's energy.</param>
/// <param name="Difficulty">1..5: 1 + points, one each for energy ≥ <see cref="MediumEnergy"/> and ≥
/// <see cref="HighEnergy"/>, at least 3 of the 4 limbs moving (mean relative speed ≥ <see cref="ActiveLimbSpeed"/>), and
/// a level change (hip vertical range ≥ <see cref="LevelChange"/> torso lengths).</param>
public sealed record MoveFeatures(float[] Embedding, float[] FirstPose, float[] LastPose, double Energy, int Difficulty)
{
    public const int EmbeddingLength = 64;
    public const int PoseLength = 2 * PoseTrack.Keypoints;

    public const double MediumEnergy = 40;
    public const double HighEnergy = 70;

    /// <summary>Body scales per 1/30 s (≈ 0.45 torso lengths per second): activity ≈ 25 in <see cref="BodyPartActivityMeter"/>.</summary>
    public const double ActiveLimbSpeed = 0.015;

    public const double LevelChange = 0.4;

    /// <summary>The joints of the posture and range-of-motion blocks.</summary>
    public static readonly int[] Joints =
    [
        Coco17.Nose, Coco17.LeftShoulder, Coco17.RightShoulder, Coco17.LeftElbow, Coco17.RightElbow,
        Coco17.LeftWrist, Coco17.RightWrist, Coco17.LeftKnee, Coco17.RightKnee, Coco17.LeftAnkle, Coco17.RightAnkle,
    ];

    /// <summary>
    /// A front-facing person standing with arms down, per joint of <see cref="Joints"/> (x, y in torso lengths from the
    /// hip centre; the person's left is the image's right). Typical adult proportions.
    /// </summary>
    public static readonly (double X, double Y)[] NeutralPose =
    [
        (0, -1.3), (0.35, -1.0), (-0.35, -1.0), (0.4, -0.45), (-0.4, -0.45),
        (0.42, 0.2), (-0.42, 0.2), (0.2, 0.85), (-0.2, 0.85), (0.2, 1.7), (-0.2, 1.7),
    ];

    private static readonly (int A, int Joint, int B)[] Bends =
    [
        (Coco17.LeftShoulder, Coco17.LeftElbow, Coco17.LeftWrist), (Coco17.RightShoulder, Coco17.RightElbow, Coco17.RightWrist),
        (Coco17.LeftHip, Coco17.LeftKnee, Coco17.LeftAnkle), (Coco17.RightHip, Coco17.RightKnee, Coco17.RightAnkle),
    ];

    private static readonly BodyPart[] Limbs = [BodyPart.LeftArm, BodyPart.RightArm, BodyPart.LeftLeg, BodyPart.RightLeg];

    /// <summary>A move with no pose: zero embedding and poses, no energy, the easiest difficulty.</summary>
    public static MoveFeatures Empty => new(new float[EmbeddingLength], new float[PoseLength], new float[PoseLength], 0, 1);

    /// <summary>The features of one move from its pose frames (any layout; smoothed here like the analysis does).</summary>
    public static MoveFeatures Compute(IReadOnlyList<PoseFrame> frames, double fps, SmoothingOptions? smoothing = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fps);
        if (!frames.Any(f => f.HasPose)) return Empty;
        var body = new BodyFrame(PoseTrack.Build(frames, fps, smoothing));
        if (body.Frames.Length == 0) return Empty;

        var limbSpeeds = BodyPartKeypoints.All.Where(p => Limbs.Contains(p.Part))
            .ToDictionary(p => p.Part, p => Kinematics.PartSpeed(body.Track, p));
        var hipRange = HipTravel(body, out var hipTravel);
        var embedding = new List<double>(EmbeddingLength);
        AddPostureAndRange(body, embedding);
        foreach (var limb in Limbs) AddSpeeds(limbSpeeds[limb], body.Frames, embedding);
        embedding.AddRange(hipTravel);
        AddBends(body, embedding);
        if (embedding.Count != EmbeddingLength) throw new InvalidOperationException($"The embedding has {embedding.Count} values, not {EmbeddingLength}.");

        var energy = MeanIntensity(body);
        var activeLimbs = Limbs.Count(l => Mean(body.Frames.Select(i => limbSpeeds[l][i])) >= ActiveLimbSpeed);
        var points = (energy >= MediumEnergy ? 1 : 0) + (energy >= HighEnergy ? 1 : 0) + (activeLimbs >= 3 ? 1 : 0) + (hipRange >= LevelChange ? 1 : 0);

        return new MoveFeatures(
            Normalize(embedding),
            body.Pose(body.Frames[0], +1),
            body.Pose(body.Frames[^1], -1),
            Math.Round(energy, 1),
            1 + points);
    }

    /// <summary>The cosine of the angle between two embeddings (0 when either is all zeros).</summary>
    public static double CosineSimilarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("The embeddings differ in length.", nameof(b));
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }
        return na > 0 && nb > 0 ? dot / Math.Sqrt(na * nb) : 0;
    }

    private static void AddPostureAndRange(BodyFrame body, List<double> embedding)
    {
        var range = new List<double>(2 * Joints.Length);
        for (var j = 0; j < Joints.Length; j++)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            foreach (var i in body.Frames)
            {
                if (!body.TryGet(i, Joints[j], out var x, out var y)) continue;
                xs.Add(x);
                ys.Add(y);
            }
            embedding.Add(xs.Count > 0 ? xs.Average() - NeutralPose[j].X : 0);
            embedding.Add(ys.Count > 0 ? ys.Average() - NeutralPose[j].Y : 0);
            range.Add(StandardDeviation(xs));
            range.Add(StandardDeviation(ys));
        }
        embedding.AddRange(range);
    }

    // Speeds are body scales per 1/30 s; × 10 makes torso lengths per ⅓ s.
    private static void AddSpeeds(double[] speed, int[] frames, List<double> embedding)
    {
        var seen = frames.Select(i => speed[i]).Where(v => !double.IsNaN(v)).ToList();
        embedding.Add(seen.Count > 0 ? 10 * seen.Average() : 0);
        embedding.Add(seen.Count > 0 ? 10 * TimeWindow.Quantile(seen, 0.9) : 0);
    }

    /// <summary>The hip-travel block; returns the vertical range (for the difficulty).</summary>
    private static double HipTravel(BodyFrame body, out double[] block)
    {
        var scale = TimeWindow.Quantile(body.Frames.Select(i => body.Track.Scale[i]).ToList(), 0.5);
        var xs = body.Frames.Select(i => body.CentreX(i) / scale).ToList();
        var ys = body.Frames.Select(i => body.CentreY(i) / scale).ToList();
        var net = xs[^1] - xs[0];
        var verticalRange = Spread(ys);
        block = [StandardDeviation(ys), verticalRange, StandardDeviation(xs), net];
        return verticalRange;
    }

    private static void AddBends(BodyFrame body, List<double> embedding)
    {
        foreach (var (a, joint, b) in Bends)
        {
            var bends = new List<double>();
            foreach (var i in body.Frames)
            {
                if (!body.TryGet(i, a, out var ax, out var ay) || !body.TryGet(i, joint, out var jx, out var jy) || !body.TryGet(i, b, out var bx, out var by)) continue;
                var (ux, uy, vx, vy) = (ax - jx, ay - jy, bx - jx, by - jy);
                var lengths = Math.Sqrt((ux * ux + uy * uy) * (vx * vx + vy * vy));
                if (lengths <= 1e-9) continue;
                var angle = Math.Acos(Math.Clamp((ux * vx + uy * vy) / lengths, -1, 1));
                bends.Add((Math.PI - angle) / Math.PI);
            }
            embedding.Add(bends.Count > 0 ? bends.Average() : 0);
            embedding.Add(Spread(bends));
        }
    }

    /// <summary>The segment's energy rule: the time-weighted mean of the intensity of the 1 s-averaged velocity.</summary>
    private static double MeanIntensity(BodyFrame body)
    {
        var track = body.Track;
        var velocity = Kinematics.FrameVelocity(track);
        var windowed = TimeWindow.CentredMean(velocity, track.Times, MovementThresholds.Default.VelocityWindowSeconds / 2);
        var durations = TimeWindow.FrameDurations(track.Times, track.Fps);
        double sum = 0, weight = 0;
        foreach (var i in body.Frames)
        {
            if (double.IsNaN(windowed[i])) continue;
            sum += IntensityMeter.FromVelocity(windowed[i]) * durations[i];
            weight += durations[i];
        }
        return weight > 0 ? sum / weight : 0;
    }

    private static float[] Normalize(List<double> values)
    {
        var norm = Math.Sqrt(values.Sum(v => v * v));
        return values.Select(v => norm > 0 && double.IsFinite(norm) ? (float)(v / norm) : 0f).ToArray();
    }

    private static double Mean(IEnumerable<double> values)
    {
        var seen = values.Where(v => !double.IsNaN(v)).ToList();
        return seen.Count > 0 ? seen.Average() : 0;
    }

    private static double StandardDeviation(List<double> values)
    {
        if (values.Count < 2) return 0;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }

    /// <summary>95th − 5th percentile (0 when empty): a range that one outlier frame does not stretch.</summary>
    private static double Spread(List<double> values) =>
        values.Count == 0 ? 0 : TimeWindow.Quantile([.. values], 0.95) - TimeWindow.Quantile([.. values], 0.05);
}
