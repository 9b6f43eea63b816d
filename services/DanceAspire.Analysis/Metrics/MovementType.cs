using System.Text.Json.Serialization;

namespace DanceAspire.Analysis.Metrics;

/// <summary>What the person is doing; serialized as the lower-case word.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MovementType>))]
public enum MovementType
{
    [JsonStringEnumMemberName("standing")] Standing,
    [JsonStringEnumMemberName("walking")] Walking,
    [JsonStringEnumMemberName("crouching")] Crouching,
    [JsonStringEnumMemberName("dancing")] Dancing,
    [JsonStringEnumMemberName("jumping")] Jumping,
}
