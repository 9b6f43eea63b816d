using System.Diagnostics.CodeAnalysis;
using DanceAspire.Choreography.Blueprints;

namespace DanceAspire.Choreography.Planning;

/// <summary>Either a blueprint with how it came about, or why none could be made.</summary>
public sealed record PlanResult
{
    public Blueprint? Blueprint { get; private init; }

    /// <summary>A sentence for the user when planning failed; null on success.</summary>
    public string? Error { get; private init; }

    public PlanDiagnostics? Diagnostics { get; private init; }

    [MemberNotNullWhen(true, nameof(Blueprint), nameof(Diagnostics))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Blueprint is not null;

    public static PlanResult Success(Blueprint blueprint, PlanDiagnostics diagnostics) =>
        new() { Blueprint = blueprint, Diagnostics = diagnostics };

    public static PlanResult Failure(string error) => new() { Error = error };
}

/// <summary>How a plan came out, for logs and tests.</summary>
/// <param name="CutTimes">Output seconds where each move after the first begins, on frame boundaries.</param>
/// <param name="MoveIds">The chosen moves in order.</param>
/// <param name="MeanPoseJump">Mean Euclidean distance, in normalized pose units, between the last pose of a move and the first of the next, over the cuts where both are known; 0 without such cuts.</param>
/// <param name="Cost">The plan's total cost under <see cref="PlanCost"/>.</param>
/// <param name="SkippedCandidates">Candidates left out: shorter than one bar, or with an id or path a blueprint cannot hold.</param>
/// <param name="StyleFallback">True when a style was asked for but no usable move has it, so any style was used.</param>
public sealed record PlanDiagnostics(
    IReadOnlyList<double> CutTimes,
    IReadOnlyList<string> MoveIds,
    double MeanPoseJump,
    double Cost,
    int SkippedCandidates,
    bool StyleFallback);
