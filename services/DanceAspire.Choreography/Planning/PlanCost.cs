namespace DanceAspire.Choreography.Planning;

/// <summary>
/// The planner's cost model, every weight in one place. A plan's cost is the sum over its moves of
/// <code>
///   bars × (Energy × |energy − target| / 100  +  Difficulty × difficulty gap  +  Style × (style missing ? 1 : 0))
///   + PoseJump × pose cost at the cut into the move  +  Repeat × recency of an earlier use
/// </code>
/// Per-bar terms scale with the time a move fills, so a plan is never cheaper just for having
/// fewer moves; per-cut terms are what fewer, smoother cuts save. The search keeps the cheapest.
/// </summary>
internal static class PlanCost
{
    /// <summary>Per bar, times the energy gap on a 0..1 scale.</summary>
    public const double Energy = 1.5;

    /// <summary>Per bar, times the difficulty gap on a 0..1 scale (4 levels = 1).</summary>
    public const double Difficulty = 1.0;

    /// <summary>A move easier than asked costs this fraction of one equally far above: too hard hurts a beginner more than too easy bores an expert.</summary>
    public const double EasierFactor = 0.5;

    /// <summary>Per bar of a move without the requested style; above the other per-bar weights so style wins unless nothing else fits.</summary>
    public const double Style = 3.0;

    /// <summary>Per cut, times <see cref="PoseCost"/>.</summary>
    public const double PoseJump = 1.0;

    /// <summary>A pose jump of this many normalized units (torso lengths, summed over 17 joints as one Euclidean norm) costs the full <see cref="PoseJump"/>; bigger jumps cost no more.</summary>
    public const double PoseJumpSaturation = 3.0;

    /// <summary>The pose cost of a cut where either pose is unknown: neither rewarded nor ruled out.</summary>
    public const double UnknownPoseCost = 0.5;

    /// <summary>Per reuse of a move within the last <see cref="RepeatWindow"/> moves, scaled down with distance.</summary>
    public const double Repeat = 0.6;

    public const int RepeatWindow = 4;

    /// <summary>The target energy of each <see cref="EnergyLevel"/>; the song's sections swing around it.</summary>
    public static double LevelCentre(EnergyLevel level) => level switch
    {
        EnergyLevel.Low => 20,
        EnergyLevel.Medium => 50,
        _ => 80,
    };

    public static double DifficultyGap(int moveDifficulty, int wanted)
    {
        var gap = (moveDifficulty - wanted) / 4.0;
        return gap >= 0 ? gap : -gap * EasierFactor;
    }

    /// <summary>Euclidean distance between two poses; null when either is missing or they differ in shape.</summary>
    public static double? PoseDistance(float[]? from, float[]? to)
    {
        if (from is null || to is null || from.Length == 0 || from.Length != to.Length) return null;
        var sum = 0.0;
        for (var i = 0; i < from.Length; i++)
        {
            var d = (double)from[i] - to[i];
            sum += d * d;
        }
        return double.IsFinite(sum) ? Math.Sqrt(sum) : null;
    }

    /// <summary>0 for a seamless cut, rising linearly to 1 at <see cref="PoseJumpSaturation"/>.</summary>
    public static double PoseCost(double? distance) =>
        distance is { } d ? Math.Min(d / PoseJumpSaturation, 1) : UnknownPoseCost;
}
