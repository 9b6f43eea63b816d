namespace DanceAspire.Data.Choreographies;

/// <summary>How a choreography's blueprint came to be.</summary>
public static class ChoreographySources
{
    public const string Song = "song";
    public const string Description = "description";
    public const string Composition = "composition";
    public const string Blueprint = "blueprint";
}

/// <summary>
/// A dance made for a song: the request, the blueprint planned (or composed) from it, and the assembly job that turns the
/// blueprint into a video. The job carries the state, progress and the video's path.
/// </summary>
public sealed class Choreography
{
    public Guid Id { get; set; }
    public Guid OwnerId { get; set; }

    /// <summary>One of <see cref="ChoreographySources"/>.</summary>
    public required string Source { get; set; }

    public Guid? SongId { get; set; }

    /// <summary>What was asked, as JSON (the request body, and for a description what was read from it).</summary>
    public required string Request { get; set; }

    /// <summary>The blueprint, as JSON (snake_case, blueprint.schema.json).</summary>
    public required string Blueprint { get; set; }

    public Guid? JobId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
