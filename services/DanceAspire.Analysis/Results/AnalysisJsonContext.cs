using System.Text.Json.Serialization;

namespace DanceAspire.Analysis.Results;

/// <summary>Source-generated, snake_case serialization of the results and keypoints artifacts.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AnalysisResult))]
[JsonSerializable(typeof(KeypointsArtifact))]
public sealed partial class AnalysisJsonContext : JsonSerializerContext;
