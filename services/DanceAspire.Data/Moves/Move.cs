namespace DanceAspire.Data.Moves;

/// <summary>
/// A move in the library: a normalized clip cut from a segment of a completed analysis, with its pose-feature embedding
/// and tags. Style and difficulty are the owner's to edit; the rest comes from the analysis.
/// </summary>
public sealed class Move
{
    public Guid Id { get; set; }
    public Guid OwnerId { get; set; }
    public Guid AnalysisId { get; set; }

    /// <summary>The segment's index in the analysis result; one move per (analysis, segment).</summary>
    public int SegmentIndex { get; set; }

    public required string Name { get; set; }

    /// <summary>Blob paths, "moves/{analysisId}/{index}.mp4" and ".jpg".</summary>
    public required string ClipPath { get; set; }
    public required string ThumbnailPath { get; set; }

    /// <summary>Where the clip starts in the original video, and its length (seconds).</summary>
    public double StartSeconds { get; set; }
    public double DurationSeconds { get; set; }

    public required string MovementType { get; set; }

    /// <summary>0 (calm) to 100, derived from the motion.</summary>
    public double Energy { get; set; }

    /// <summary>1 (easiest) to 5.</summary>
    public int Difficulty { get; set; }

    public List<string> Styles { get; set; } = [];

    public required float[] Embedding { get; set; }
    public required float[] FirstPose { get; set; }
    public required float[] LastPose { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
