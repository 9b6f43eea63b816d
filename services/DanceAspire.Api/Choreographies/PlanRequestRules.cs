using DanceAspire.Choreography.Blueprints;
using DanceAspire.Choreography.Planning;

namespace DanceAspire.Api.Choreographies;

/// <summary>Reads a choreography request's knobs into a <see cref="PlanRequest"/>, naming each field that is wrong.</summary>
public static class PlanRequestRules
{
    public const int MaxStyleLength = 40;

    /// <summary>The plan (its task id still to fill in), or null with <paramref name="errors"/> filled.</summary>
    public static PlanRequest? From(int? difficulty, string? energy, string? style, double? durationSeconds, string? transition, Dictionary<string, string[]> errors)
    {
        if (difficulty is < 1 or > 5) errors["difficulty"] = ["difficulty is 1 (easiest) to 5."];
        EnergyLevel? level = energy?.ToLowerInvariant() switch
        {
            null => null,
            "low" => EnergyLevel.Low,
            "medium" => EnergyLevel.Medium,
            "high" => EnergyLevel.High,
            _ => Fail<EnergyLevel>(errors, "energyLevel", $"'{energy}' is not one of low, medium, high."),
        };
        if (style is not null && (string.IsNullOrWhiteSpace(style) || style.Length > MaxStyleLength || style.Any(char.IsControl)))
            errors["style"] = [$"style is 1 to {MaxStyleLength} printable characters."];
        if (durationSeconds is { } seconds && !(seconds >= 1 && seconds <= 20 * 60))
            errors["durationSeconds"] = ["durationSeconds is 1 to 1200."];
        var join = transition is null ? TransitionType.Cut : Transition(transition);
        if (join is null) errors["transition"] = [$"'{transition}' is not one of cut, crossfade, fade_black."];
        if (errors.Count > 0) return null;
        return new PlanRequest
        {
            TaskId = "",
            Difficulty = difficulty ?? 3,
            Energy = level,
            Style = style?.Trim(),
            MaxDurationSeconds = durationSeconds,
            Transition = join!.Value,
        };
    }

    public static TransitionType? Transition(string name) => name.ToLowerInvariant() switch
    {
        "cut" => TransitionType.Cut,
        "crossfade" => TransitionType.Crossfade,
        "fade_black" => TransitionType.FadeBlack,
        _ => null,
    };

    private static T? Fail<T>(Dictionary<string, string[]> errors, string field, string message) where T : struct
    {
        errors[field] = [message];
        return null;
    }
}
