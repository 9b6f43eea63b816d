namespace DanceAspire.Analysis.Metrics;

/// <summary>
/// The classification thresholds. Velocities are in body scales (torso lengths) per 1/30 s; posture and lift values
/// in body scales. Documented in RESULTS.md.
/// </summary>
public sealed record MovementThresholds
{
    public double WalkingVelocity { get; init; } = 0.01;
    public double DancingVelocity { get; init; } = 0.03;
    public double JumpingVelocity { get; init; } = 0.12;

    /// <summary>Hips this far above their recent (±1.5 s median) height count as lifted.</summary>
    public double HipLift { get; init; } = 0.1;

    /// <summary>The lower foot this far above the ground line (the lowest the feet were within ±1.5 s) means airborne.</summary>
    public double FootLift { get; init; } = 0.1;

    /// <summary>Hip-to-knee height (knee y − hip y) below this means the thighs are folded: crouching.</summary>
    public double CrouchKneeDrop { get; init; } = 0.45;

    /// <summary>A knee bent below this angle (degrees) with the hips lowered (hip-to-ankle height below <see cref="CrouchHipHeight"/>) is crouching too (seen from the side).</summary>
    public double CrouchKneeAngleDegrees { get; init; } = 110;

    public double CrouchHipHeight { get; init; } = 1.2;

    /// <summary>Per-frame velocity is averaged over this centred window, so the stillness at a swing's turning point does not read as standing.</summary>
    public double VelocityWindowSeconds { get; init; } = 1.0;

    /// <summary>Per-frame types are replaced by the majority in this centred window, so one noisy frame does not flip the type.</summary>
    public double MajorityWindowSeconds { get; init; } = 0.5;

    public static MovementThresholds Default { get; } = new();
}
