namespace DanceAspire.Choreography.Blueprints;

/// <summary>Deployment limits a blueprint must respect beyond its schema.</summary>
public sealed record BlueprintLimits
{
    /// <summary>Blob containers a move's video_path may point into.</summary>
    public required IReadOnlyCollection<string> MoveContainers { get; init; }

    /// <summary>Blob containers audio.path may point into.</summary>
    public required IReadOnlyCollection<string> AudioContainers { get; init; }

    public int MaxMoves { get; init; } = 500;

    /// <summary>Seconds.</summary>
    public double MaxTotalDuration { get; init; } = 20 * 60;

    public int MaxWidth { get; init; } = 3840;
    public int MaxHeight { get; init; } = 2160;

    /// <summary>Seconds total_duration may differ from what the moves add up to.</summary>
    public double DurationTolerance { get; init; } = 0.1;

    public static BlueprintLimits Default { get; } = new() { MoveContainers = ["moves"], AudioContainers = ["songs"] };
}

/// <summary>One problem with a blueprint: the field it is in (e.g. <c>moves[3].duration</c>) and what is wrong.</summary>
public sealed record BlueprintError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>Either a blueprint that passed every rule, or the errors that stopped it.</summary>
public sealed record BlueprintValidation(Blueprint? Blueprint, IReadOnlyList<BlueprintError> Errors)
{
    public bool IsValid => Blueprint is not null && Errors.Count == 0;
}
