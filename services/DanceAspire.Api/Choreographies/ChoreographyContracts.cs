using System.Text.Json;
using DanceAspire.Choreography.Jobs;

namespace DanceAspire.Api.Choreographies;

/// <summary>
/// POST /api/v1/choreography/from-song. <paramref name="EnergyLevel"/>: low, medium or high (absent: follow the song);
/// <paramref name="Difficulty"/>: 1 to 5 (default 3); <paramref name="DurationSeconds"/>: at most this long (absent:
/// the whole song); <paramref name="Transition"/>: cut (default), crossfade or fade_black.
/// </summary>
public sealed record FromSongRequest(Guid? SongId, int? Difficulty, string? EnergyLevel, string? Style, double? DurationSeconds, string? Transition);

/// <summary>POST /api/v1/choreography/from-description: what the dance should be, in words; a song is picked from the caller's library unless <paramref name="SongId"/> names one.</summary>
public sealed record FromDescriptionRequest(string? Query, Guid? SongId);

/// <summary>One move of a composition: play it for <paramref name="Bars"/> whole bars of the song or <paramref name="Duration"/> seconds, entered by <paramref name="Transition"/>.</summary>
public sealed record CompositionItem(Guid? MoveId, int? Bars, double? Duration, string? Transition);

/// <summary>POST /api/v1/compositions: a hand-made sequence of moves over a song.</summary>
public sealed record CompositionRequest(Guid? SongId, IReadOnlyList<CompositionItem>? Items);

/// <summary>
/// A choreography as the API shows it. <paramref name="State"/>: queued, running, completed, failed or canceled (the
/// assembly job's). <paramref name="Blueprint"/> is the snake_case blueprint (blueprint.schema.json);
/// <paramref name="VideoUrl"/> a short-lived link to the MP4 once completed.
/// </summary>
public sealed record ChoreographyView(
    Guid Id,
    string Source,
    string State,
    double Progress,
    string? Stage,
    string? Error,
    Guid? SongId,
    JsonElement Request,
    JsonElement Blueprint,
    AssemblySummary? Video,
    string? VideoUrl,
    DateTimeOffset? VideoUrlExpiresAt,
    Guid? JobId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);

/// <summary>POST /api/v1/blueprints/validate: whether a blueprint would be accepted, and every problem by field (e.g. <c>moves[3].duration</c>).</summary>
public sealed record BlueprintCheck(bool Valid, IReadOnlyDictionary<string, string[]> Errors);
