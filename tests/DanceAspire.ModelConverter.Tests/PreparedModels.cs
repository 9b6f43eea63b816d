using DanceAspire.ModelConverter.Catalog;
using DanceAspire.Testing;

namespace DanceAspire.ModelConverter.Tests;

/// <summary>The models set-up converted (models/onnx and its manifest) and the TFJS sources they came from.</summary>
internal static class PreparedModels
{
    private static readonly Lazy<ModelManifest> LoadedManifest = new(() =>
        ModelManifest.TryLoad(Path.Combine(TestMedia.ModelsRoot, ModelPreparation.ManifestFileName))
        ?? throw new FileNotFoundException("models/onnx/manifest.json is missing: run models/prepare.sh."));

    public static ModelManifest Manifest => LoadedManifest.Value;

    public static ManifestModel Entry(string name) => Manifest.Models.Single(model => model.Name == name);

    public static string PackageDirectory => Path.Combine(TestMedia.RepositoryRoot, "models", "node_modules", "@vladmandic", "human-models");

    public static string SourceModelJson(string name) => Path.Combine(PackageDirectory, Entry(name).SourceFiles[0].Path);

    public static string CatalogPath => Path.Combine(TestMedia.RepositoryRoot, "models", "models.json");
}
