using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DanceAspire.ModelConverter.Catalog;

/// <summary>models/onnx/manifest.json: what set-up converted, from what, with checksums and each model's interface.</summary>
internal sealed record ModelManifest(
    [property: JsonPropertyName("schema_version")] int SchemaVersion,
    [property: JsonPropertyName("converter")] string Converter,
    [property: JsonPropertyName("opset")] int Opset,
    [property: JsonPropertyName("source")] ManifestSource Source,
    [property: JsonPropertyName("models")] IReadOnlyList<ManifestModel> Models)
{
    public const int CurrentSchemaVersion = 1;

    public static ModelManifest? TryLoad(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllBytes(path), ManifestJsonContext.Default.ModelManifest) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Save(string path) =>
        File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(this, ManifestJsonContext.Default.ModelManifest));
}

internal sealed record ManifestSource(
    [property: JsonPropertyName("package")] string Package,
    [property: JsonPropertyName("version")] string Version);

internal sealed record ManifestModel(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("source_files")] IReadOnlyList<ManifestSourceFile> SourceFiles,
    [property: JsonPropertyName("licence")] string Licence,
    [property: JsonPropertyName("origin")] string Origin,
    [property: JsonPropertyName("keypoint_format")] string? KeypointFormat,
    [property: JsonPropertyName("input")] ManifestTensor Input,
    [property: JsonPropertyName("outputs")] IReadOnlyList<ManifestTensor> Outputs);

/// <summary>A source file by its path inside the npm package.</summary>
internal sealed record ManifestSourceFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("sha256")] string Sha256);

/// <summary>A model input or output. <c>range</c> is the value range an input expects; <c>description</c> says what an output holds.</summary>
internal sealed record ManifestTensor(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("shape")] IReadOnlyList<int> Shape,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("range")] IReadOnlyList<double>? Range = null,
    [property: JsonPropertyName("description")] string? Description = null);

internal static class Sha256Hex
{
    public static string Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ModelManifest))]
[JsonSerializable(typeof(ModelCatalog))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
