using System.Text.Json;
using System.Text.Json.Serialization;

namespace DanceAspire.Pose.Models;

/// <summary>One tensor of a model as the manifest describes it.</summary>
public sealed record ManifestTensor(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("shape")] long[] Shape,
    [property: JsonPropertyName("type")] string Type);

/// <summary>One converted model: its file, checksum and tensors.</summary>
public sealed record ManifestModel(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("keypoint_format")] string? KeypointFormat,
    [property: JsonPropertyName("input")] ManifestTensor? Input,
    [property: JsonPropertyName("outputs")] ManifestTensor[]? Outputs);

/// <summary>The <c>manifest.json</c> that set-up writes beside the converted models.</summary>
public sealed record PoseModelManifest([property: JsonPropertyName("models")] ManifestModel[] Models)
{
    public const string FileName = "manifest.json";

    /// <summary>The entry for a model file (e.g. <c>movenet-lightning.onnx</c>), or null when the manifest lacks it.</summary>
    public ManifestModel? ForFile(string fileName) =>
        Models.FirstOrDefault(m => string.Equals(Path.GetFileName(m.File), fileName, StringComparison.Ordinal));

    public static PoseModelManifest Load(string modelDirectory)
    {
        var path = Path.Combine(modelDirectory, FileName);
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"The pose model manifest '{path}' is missing: prepare the models first.", path);
        }
        using var stream = System.IO.File.OpenRead(path);
        return Parse(stream, path);
    }

    /// <summary>Reads either <c>{"models": [...]}</c> or a bare array of models.</summary>
    public static PoseModelManifest Parse(Stream json, string source)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var models = root.ValueKind switch
        {
            JsonValueKind.Array => root.Deserialize<ManifestModel[]>(),
            JsonValueKind.Object when root.TryGetProperty("models", out var list) && list.ValueKind == JsonValueKind.Array =>
                list.Deserialize<ManifestModel[]>(),
            JsonValueKind.Object => ReadKeyedModels(root),
            _ => null,
        };
        return models is null
            ? throw new InvalidDataException($"The pose model manifest '{source}' has no list of models.")
            : new PoseModelManifest(models);
    }

    // Also accept {"movenet-lightning": {...}, ...}: the manifest's writer may key models by name.
    private static ManifestModel[] ReadKeyedModels(JsonElement root)
    {
        var models = new List<ManifestModel>();
        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object || !property.Value.TryGetProperty("file", out _)) continue;
            var model = property.Value.Deserialize<ManifestModel>()!;
            models.Add(string.IsNullOrEmpty(model.Name) ? model with { Name = property.Name } : model);
        }
        return [.. models];
    }
}
