using System.Text.Json;
using System.Text.Json.Serialization;

namespace DanceAspire.Choreography.Blueprints;

/// <summary>
/// What the assembler turns into a video: a song and a timed list of move clips. Serialized
/// snake_case by <see cref="BlueprintJsonContext"/>; described by blueprint.schema.json.
/// </summary>
/// <param name="TotalDuration">Seconds; the sum of move durations minus crossfade overlaps.</param>
/// <param name="DifficultyLevel">1 (easiest) to 5.</param>
/// <param name="GenerationParameters">How the blueprint was made (free-form, kept for reproducibility).</param>
public sealed record Blueprint(
    int SchemaVersion,
    string TaskId,
    BlueprintAudio Audio,
    IReadOnlyList<BlueprintMove> Moves,
    double TotalDuration,
    int DifficultyLevel,
    JsonElement GenerationParameters,
    OutputConfig OutputConfig)
{
    /// <summary>The schema version this code writes and accepts.</summary>
    public const int CurrentSchemaVersion = 1;
}

/// <param name="Path">Blob path, "container/name…".</param>
/// <param name="Tempo">Beats per minute.</param>
/// <param name="Duration">Seconds.</param>
public sealed record BlueprintAudio(string Path, double Tempo, double Duration);

/// <summary>
/// One clip placed on the timeline. <see cref="TransitionType"/> is how this clip is entered from
/// the previous one (ignored for the first clip).
/// </summary>
/// <param name="StartTime">Seconds from the start of the output.</param>
/// <param name="Duration">Seconds this clip occupies in the output.</param>
/// <param name="OriginalDuration">Seconds of the source clip before trimming.</param>
/// <param name="TrimStart">Seconds cut from the start of the source clip.</param>
/// <param name="TrimEnd">Seconds cut from the end of the source clip.</param>
/// <param name="VolumeAdjustment">Linear gain applied to the clip's own audio; 1 leaves it unchanged.</param>
public sealed record BlueprintMove(
    string ClipId,
    string VideoPath,
    double StartTime,
    double Duration,
    TransitionType TransitionType,
    double OriginalDuration,
    double TrimStart,
    double TrimEnd,
    double VolumeAdjustment);

[JsonConverter(typeof(JsonStringEnumConverter<TransitionType>))]
public enum TransitionType
{
    [JsonStringEnumMemberName("cut")] Cut,
    [JsonStringEnumMemberName("crossfade")] Crossfade,
    [JsonStringEnumMemberName("fade_black")] FadeBlack,
}

/// <param name="VideoBitrate">ffmpeg form, e.g. "5M" or "2500k".</param>
/// <param name="AudioBitrate">ffmpeg form, e.g. "192k".</param>
/// <param name="Resolution">"WIDTHxHEIGHT", e.g. "1280x720".</param>
/// <param name="TransitionDuration">Seconds a crossfade overlaps the two clips.</param>
/// <param name="FadeDuration">Seconds of each half of a fade through black.</param>
public sealed record OutputConfig(
    string Format,
    string VideoCodec,
    string AudioCodec,
    string VideoBitrate,
    string AudioBitrate,
    double FrameRate,
    string Resolution,
    double TransitionDuration,
    double FadeDuration,
    bool NormalizeAudio);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(Blueprint))]
public sealed partial class BlueprintJsonContext : JsonSerializerContext;
