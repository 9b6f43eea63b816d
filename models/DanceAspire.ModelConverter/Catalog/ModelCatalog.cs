using System.Text.Json;
using System.Text.Json.Serialization;

namespace DanceAspire.ModelConverter.Catalog;

/// <summary>models/models.json: which TFJS models to convert, from which npm package, and what they mean.</summary>
internal sealed record ModelCatalog(
    [property: JsonPropertyName("schema_version")] int SchemaVersion,
    [property: JsonPropertyName("source")] CatalogSource Source,
    [property: JsonPropertyName("models")] IReadOnlyList<CatalogModel> Models)
{
    public static ModelCatalog Load(string path) =>
        JsonSerializer.Deserialize(File.ReadAllBytes(path), ManifestJsonContext.Default.ModelCatalog)
        ?? throw new InvalidDataException($"{path} is empty.");
}

/// <summary>The npm package the models come from; <c>directory</c> is relative to models.json.</summary>
internal sealed record CatalogSource(
    [property: JsonPropertyName("package")] string Package,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("directory")] string Directory);

/// <summary>One model to convert. <c>source_files</c> are relative to the package; the first is model.json.</summary>
internal sealed record CatalogModel(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("source_files")] IReadOnlyList<string> SourceFiles,
    [property: JsonPropertyName("licence")] string Licence,
    [property: JsonPropertyName("origin")] string Origin,
    [property: JsonPropertyName("keypoint_format")] string? KeypointFormat,
    [property: JsonPropertyName("input_size")] int InputSize,
    [property: JsonPropertyName("input_range")] IReadOnlyList<double> InputRange,
    [property: JsonPropertyName("outputs")] IReadOnlyDictionary<string, string> OutputDescriptions);
