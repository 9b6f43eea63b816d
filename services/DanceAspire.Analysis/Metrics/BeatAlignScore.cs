using DanceAspire.Analysis.Pose;

namespace DanceAspire.Analysis.Metrics;

/// <summary>
/// The Beat Align Score (BAS) of Bailando (Li et al., CVPR 2022), as EDGE (Tseng et al., CVPR 2023) reports it too:
/// how well the dance's kinematic beats meet the music's beats, 0..1.
/// <list type="bullet">
/// <item><b>Kinematic beats</b>: the mean over joints of each joint's displacement between consecutive frames
/// (frame i to i+1), smoothed with a Gaussian filter of σ = <see cref="SpeedSigmaFrames"/> frames (scipy's
/// <c>gaussian_filter1d</c>: truncated at 4σ, mirror-reflected at the ends); its strict interior local minima are the
/// beats. As the reference code does, the minimum at speed index i is time-stamped with frame i (half a frame before
/// the displacement's midpoint). One deviation: a flat-bottomed minimum (a run of exactly equal samples with larger
/// ones on both sides, which a strict comparison misses) counts once, at the run's middle; it only arises from exact
/// symmetry or exact stillness, never from noisy real poses.</item>
/// <item><b>Score</b>: BAS = (1/|B_m|) Σ_{t_m ∈ B_m} exp(−min_{t_d ∈ B_d} (t_m − t_d)² / (2σ²)), σ = <see cref="SigmaFrames"/>.</item>
/// </list>
/// Convention: the reference counts time in motion frames, so here both σs are in frames of the video's own frame rate
/// and beat times in seconds are converted with that rate: Δ_frames = (t_m − t_d) · fps (σ = 3 frames is 0.1 s at
/// 30 fps). With no music beats, or no kinematic beat, the score is 0 (the reference divides by zero or fails there).
/// </summary>
public static class BeatAlignScore
{
    /// <summary>σ of the Gaussian filter on the mean joint speed, in frames.</summary>
    public const double SpeedSigmaFrames = 5;

    /// <summary>σ of the alignment kernel, in frames.</summary>
    public const double SigmaFrames = 3;

    /// <summary>Keypoints scored below this do not count towards the mean joint speed (as the metrics' own threshold).</summary>
    public const float MinKeypointScore = 0.3f;

    // scipy's default truncation of the Gaussian kernel, in σ.
    private const double KernelTruncate = 4.0;

    /// <summary>The score of music beats against dance beats, both in seconds on the same clock, at the video's frame rate.</summary>
    public static double Score(IReadOnlyList<double> musicBeatsSeconds, IReadOnlyList<double> danceBeatsSeconds, double fps, double sigmaFrames = SigmaFrames)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sigmaFrames);
        if (musicBeatsSeconds.Count == 0 || danceBeatsSeconds.Count == 0) return 0;
        var sum = 0.0;
        foreach (var music in musicBeatsSeconds)
        {
            var nearest = double.PositiveInfinity;
            foreach (var dance in danceBeatsSeconds) nearest = Math.Min(nearest, Math.Abs(music - dance));
            var frames = nearest * fps;
            sum += Math.Exp(-frames * frames / (2 * sigmaFrames * sigmaFrames));
        }
        return sum / musicBeatsSeconds.Count;
    }

    /// <summary>
    /// The score of a dance's pose frames against music beats (seconds, on the frames' clock). As the reference cuts the
    /// music beats to the motion's length, music beats outside the span of the speed samples (from the first frame's time
    /// to the second-to-last frame's) are left out.
    /// </summary>
    public static double Score(IReadOnlyList<PoseFrame> frames, double fps, IReadOnlyList<double> musicBeatsSeconds)
    {
        var ordered = Ordered(frames);
        if (ordered.Length < 2) return 0;
        var (first, last) = (ordered[0].TimeSeconds, ordered[^2].TimeSeconds);
        var tolerance = 0.5 / fps;
        var inside = musicBeatsSeconds.Where(t => t >= first - tolerance && t <= last + tolerance).ToList();
        return Score(inside, KinematicBeats(ordered, fps), fps);
    }

    /// <summary>The kinematic beats of pose frames (any layout; one frame per video frame at <paramref name="fps"/>), in seconds.</summary>
    public static IReadOnlyList<double> KinematicBeats(IReadOnlyList<PoseFrame> frames, double fps)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fps);
        var ordered = Ordered(frames);
        var speed = MeanJointSpeed(ordered);
        if (!FillGaps(speed)) return [];
        var smoothed = GaussianFilter(speed, SpeedSigmaFrames);
        var beats = new List<double>();
        for (var i = 1; i + 1 < smoothed.Length; i++)
        {
            if (!(smoothed[i] < smoothed[i - 1])) continue;
            // A flat bottom (exactly equal samples, e.g. a turning point midway between two frames) is one minimum, at its middle.
            var end = i;
            while (end + 1 < smoothed.Length && smoothed[end + 1] == smoothed[i]) end++;
            if (end + 1 < smoothed.Length && smoothed[end + 1] > smoothed[i]) beats.Add((ordered[i].TimeSeconds + ordered[end].TimeSeconds) / 2);
            i = end;
        }
        return beats;
    }

    /// <summary>
    /// Per frame pair (i, i+1): the mean displacement, in pixels, of the keypoints confident in both frames; NaN where
    /// either frame has no pose or they share no confident keypoint.
    /// </summary>
    internal static double[] MeanJointSpeed(IReadOnlyList<PoseFrame> ordered)
    {
        var speed = new double[Math.Max(0, ordered.Count - 1)];
        for (var i = 0; i < speed.Length; i++)
        {
            var (a, b) = (ordered[i].Keypoints, ordered[i + 1].Keypoints);
            double sum = 0;
            var count = 0;
            for (var k = 0; k < Math.Min(a.Length, b.Length); k++)
            {
                if (a[k].Score < MinKeypointScore || b[k].Score < MinKeypointScore) continue;
                sum += Math.Sqrt(Square(b[k].X - a[k].X) + Square(b[k].Y - a[k].Y));
                count++;
            }
            speed[i] = count > 0 ? sum / count : double.NaN;
        }
        return speed;
    }

    /// <summary>
    /// scipy.ndimage's <c>gaussian_filter1d</c> with its defaults: a normalized kernel of radius ⌊4σ + 0.5⌋ and the
    /// 'reflect' boundary (d c b a | a b c d | d c b a).
    /// </summary>
    internal static double[] GaussianFilter(double[] values, double sigma)
    {
        var n = values.Length;
        var radius = (int)(KernelTruncate * sigma + 0.5);
        var kernel = new double[2 * radius + 1];
        for (var j = -radius; j <= radius; j++) kernel[j + radius] = Math.Exp(-0.5 * j * j / (sigma * sigma));
        var total = kernel.Sum();
        for (var j = 0; j < kernel.Length; j++) kernel[j] /= total;

        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = -radius; j <= radius; j++) sum += kernel[j + radius] * values[Reflect(i + j, n)];
            result[i] = sum;
        }
        return result;
    }

    private static int Reflect(int index, int n)
    {
        var period = 2 * n;
        index %= period;
        if (index < 0) index += period;
        return index < n ? index : period - 1 - index;
    }

    /// <summary>Frames without a speed take the straight line between their neighbours (the nearest one at the ends); false when none has one.</summary>
    private static bool FillGaps(double[] speed)
    {
        var known = Enumerable.Range(0, speed.Length).Where(i => !double.IsNaN(speed[i])).ToArray();
        if (known.Length == 0) return false;
        for (var i = 0; i < speed.Length; i++)
        {
            if (!double.IsNaN(speed[i])) continue;
            var after = Array.BinarySearch(known, i);
            after = ~after;
            if (after == 0) speed[i] = speed[known[0]];
            else if (after == known.Length) speed[i] = speed[known[^1]];
            else
            {
                var (lo, hi) = (known[after - 1], known[after]);
                speed[i] = speed[lo] + (speed[hi] - speed[lo]) * (i - lo) / (hi - lo);
            }
        }
        return true;
    }

    private static PoseFrame[] Ordered(IReadOnlyList<PoseFrame> frames) =>
        frames.OrderBy(f => f.TimeSeconds).ThenBy(f => f.Index).ToArray();

    private static double Square(double value) => value * value;
}
