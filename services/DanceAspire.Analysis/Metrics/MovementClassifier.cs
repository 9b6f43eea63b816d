using DanceAspire.Analysis.Motion;

namespace DanceAspire.Analysis.Metrics;

/// <summary>
/// Classifies each frame: posture first (airborne hips and feet → jumping; folded legs → crouching), then the
/// windowed velocity bands (standing &lt; 0.01 ≤ walking &lt; 0.03 ≤ dancing); then a centred majority window.
/// </summary>
public static class MovementClassifier
{
    /// <summary>Per frame, the movement type; null for frames without a usable pose.</summary>
    public static MovementType?[] ClassifyFrames(PoseTrack track, double[] windowedVelocity, MovementThresholds? thresholds = null)
    {
        thresholds ??= MovementThresholds.Default;
        var (hipLift, footLift) = PostureReader.Lift(track);
        var raw = new MovementType?[track.Count];
        for (var i = 0; i < track.Count; i++)
        {
            if (!track.Usable[i]) continue;
            var velocity = double.IsNaN(windowedVelocity[i]) ? 0 : windowedVelocity[i];
            var hipsUp = hipLift[i] >= thresholds.HipLift;
            var airborne = footLift[i] >= thresholds.FootLift;
            raw[i] = (hipsUp && (airborne || velocity > thresholds.JumpingVelocity)) ? MovementType.Jumping
                : PostureReader.IsCrouched(track, i, thresholds) ? MovementType.Crouching
                : FromVelocity(velocity, thresholds);
        }
        return MajorityFilter(raw, track.Times, thresholds.MajorityWindowSeconds / 2);
    }

    /// <summary>The velocity band alone; above the jumping velocity without lifted hips is vigorous dancing.</summary>
    public static MovementType FromVelocity(double velocity, MovementThresholds thresholds) =>
        velocity < thresholds.WalkingVelocity ? MovementType.Standing
        : velocity < thresholds.DancingVelocity ? MovementType.Walking
        : MovementType.Dancing;

    /// <summary>
    /// The type covering the most time. Ties go to the more active type (jumping, dancing, crouching, walking,
    /// standing): a clip that is half dancing and half standing is a dance.
    /// </summary>
    public static MovementType Overall(IReadOnlyList<MovementType?> types, IReadOnlyList<double> durations)
    {
        var totals = new double[Enum.GetValues<MovementType>().Length];
        for (var i = 0; i < types.Count; i++) if (types[i] is { } type) totals[(int)type] += durations[i];
        var best = MovementType.Standing;
        foreach (var type in Enum.GetValues<MovementType>())
        {
            if (totals[(int)type] > totals[(int)best] + 1e-9 || (Math.Abs(totals[(int)type] - totals[(int)best]) <= 1e-9 && type > best)) best = type;
        }
        return best;
    }

    private static MovementType?[] MajorityFilter(MovementType?[] raw, double[] times, double halfWidthSeconds)
    {
        var result = new MovementType?[raw.Length];
        var counts = new int[Enum.GetValues<MovementType>().Length];
        int lo = 0, hi = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            while (hi < raw.Length && times[hi] <= times[i] + halfWidthSeconds) { if (raw[hi] is { } t) counts[(int)t]++; hi++; }
            while (times[lo] < times[i] - halfWidthSeconds) { if (raw[lo] is { } t) counts[(int)t]--; lo++; }
            if (raw[i] is not { } own) continue;
            var best = own; // ties keep the frame's own type
            for (var t = 0; t < counts.Length; t++) if (counts[t] > counts[(int)best]) best = (MovementType)t;
            result[i] = best;
        }
        return result;
    }
}
