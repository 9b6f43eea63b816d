using System.Text.Json.Serialization;
using DanceAspire.Choreography.Blueprints;

namespace DanceAspire.Choreography.Planning;

/// <summary>What the user asked the choreography to be.</summary>
public sealed record PlanRequest
{
    /// <summary>Becomes the blueprint's task_id.</summary>
    public required string TaskId { get; init; }

    /// <summary>1 (easiest) to 5.</summary>
    public int Difficulty { get; init; } = 3;

    /// <summary>The overall energy wanted; null follows the song's own energy.</summary>
    public EnergyLevel? Energy { get; init; }

    /// <summary>A style tag to prefer; moves of other styles are used only when none has it.</summary>
    public string? Style { get; init; }

    /// <summary>Seconds the video may last at most; null uses the whole song.</summary>
    public double? MaxDurationSeconds { get; init; }

    /// <summary>How consecutive moves are joined.</summary>
    public TransitionType Transition { get; init; } = TransitionType.Cut;

    public OutputConfig Output { get; init; } = DefaultOutput;

    /// <summary>Vertical 720p H.264 at the clips' own 30 fps.</summary>
    public static OutputConfig DefaultOutput { get; } = new(
        Format: "mp4", VideoCodec: "h264", AudioCodec: "aac", VideoBitrate: "4M", AudioBitrate: "192k",
        FrameRate: 30, Resolution: "720x1280", TransitionDuration: 0.5, FadeDuration: 1.0, NormalizeAudio: true);
}

[JsonConverter(typeof(JsonStringEnumConverter<EnergyLevel>))]
public enum EnergyLevel
{
    [JsonStringEnumMemberName("low")] Low,
    [JsonStringEnumMemberName("medium")] Medium,
    [JsonStringEnumMemberName("high")] High,
}
