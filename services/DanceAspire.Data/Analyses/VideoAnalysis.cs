namespace DanceAspire.Data.Analyses;

/// <summary>An uploaded dance video and what was asked of its analysis. The artifacts live in blob storage under <c>{Id}/</c>.</summary>
public sealed class VideoAnalysis : UploadedMedia
{
    /// <summary>The pose model's wire name (movenet-lightning, movenet-thunder, blazepose).</summary>
    public required string Model { get; set; }

    /// <summary>Whether to render the skeleton-overlay video.</summary>
    public bool Overlay { get; set; } = true;

    // What ffprobe found, once the upload is validated.
    public int? Width { get; set; }
    public int? Height { get; set; }
    public double? FrameRate { get; set; }
    public string? VideoCodec { get; set; }

    /// <summary>When the moves cut from this analysis were added to the library (null: not yet, or it has not succeeded).</summary>
    public DateTimeOffset? MovesImportedAt { get; set; }
}
