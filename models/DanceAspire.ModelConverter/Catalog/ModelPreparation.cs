using System.Diagnostics;
using DanceAspire.ModelConverter.Conversion;
using DanceAspire.ModelConverter.Onnx;
using DanceAspire.ModelConverter.Tfjs;

namespace DanceAspire.ModelConverter.Catalog;

/// <summary>Converts every model of the catalog into the output folder and writes the manifest, or says why it is up to date.</summary>
internal sealed class ModelPreparation(string catalogPath, string outputDirectory)
{
    public const string ManifestFileName = "manifest.json";

    private readonly ModelCatalog _catalog = ModelCatalog.Load(catalogPath);
    private string PackageDirectory => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(catalogPath))!, _catalog.Source.Directory));
    private string ManifestPath => Path.Combine(outputDirectory, ManifestFileName);

    /// <summary>Why the models must be converted again, or null when the manifest and every file match.</summary>
    public string? StaleReason(DateTime converterBuiltUtc)
    {
        var manifest = ModelManifest.TryLoad(ManifestPath);
        if (manifest is null) return "no readable manifest";
        if (manifest.SchemaVersion != ModelManifest.CurrentSchemaVersion || manifest.Converter != GraphConverter.ProducerVersion)
            return "the manifest was written by another converter version";
        if (manifest.Source.Version != _catalog.Source.Version) return "the package version changed";
        var manifestWritten = File.GetLastWriteTimeUtc(ManifestPath);
        if (File.GetLastWriteTimeUtc(catalogPath) > manifestWritten) return "models.json is newer than the manifest";
        if (converterBuiltUtc > manifestWritten) return "the converter is newer than the manifest";
        foreach (var model in _catalog.Models)
        {
            var entry = manifest.Models.FirstOrDefault(candidate => candidate.Name == model.Name);
            if (entry is null) return $"{model.Name} is not in the manifest";
            var file = Path.Combine(outputDirectory, entry.File);
            if (!File.Exists(file)) return $"{entry.File} is missing";
            if (Sha256Hex.OfFile(file) != entry.Sha256) return $"{entry.File} does not match its checksum";
            foreach (var source in entry.SourceFiles)
            {
                var path = Path.Combine(PackageDirectory, source.Path);
                if (!File.Exists(path) || Sha256Hex.OfFile(path) != source.Sha256) return $"source {source.Path} changed";
            }
        }
        return null;
    }

    /// <summary>Converts every model, printing one line per model, then writes the manifest last (it marks success).</summary>
    public ModelManifest ConvertAll(TextWriter log)
    {
        RequirePackageVersion();
        Directory.CreateDirectory(outputDirectory);
        if (File.Exists(ManifestPath)) File.Delete(ManifestPath);
        var entries = new List<ManifestModel>();
        foreach (var model in _catalog.Models)
        {
            var stopwatch = Stopwatch.StartNew();
            var entry = Convert(model);
            log.WriteLine($"  {entry.File,-26} {entry.Bytes / 1e6,6:0.0} MB  {stopwatch.Elapsed.TotalSeconds,5:0.00} s");
            entries.Add(entry);
        }
        var manifest = new ModelManifest(ModelManifest.CurrentSchemaVersion, GraphConverter.ProducerVersion, OnnxGraphBuilder.Opset,
            new ManifestSource(_catalog.Source.Package, _catalog.Source.Version), entries);
        manifest.Save(ManifestPath);
        return manifest;
    }

    private ManifestModel Convert(CatalogModel model)
    {
        var sources = model.SourceFiles.Select(path => new ManifestSourceFile(path, Sha256Hex.OfFile(Path.Combine(PackageDirectory, path)))).ToList();
        var graph = TfjsGraphModel.Load(Path.Combine(PackageDirectory, model.SourceFiles[0]));
        var metadata = new Dictionary<string, string>
        {
            ["source"] = $"{_catalog.Source.Package}@{_catalog.Source.Version}/{model.SourceFiles[0]}",
            ["licence"] = model.Licence,
            ["origin"] = model.Origin,
        };
        var converted = GraphConverter.Convert(graph, model.Name, metadata);

        if (converted.Inputs.Count != 1) throw new NotSupportedException($"{model.Name}: expected one input, found {converted.Inputs.Count}.");
        var input = converted.Inputs[0];
        if (!input.Shape.SequenceEqual([1, model.InputSize, model.InputSize, 3]))
            throw new InvalidDataException($"{model.Name}: input shape [{string.Join(',', input.Shape)}] does not match input_size {model.InputSize} in models.json.");
        var undescribed = converted.Outputs.Select(output => output.Name).Except(model.OutputDescriptions.Keys).ToList();
        if (undescribed.Count > 0) throw new InvalidDataException($"{model.Name}: models.json does not describe outputs {string.Join(", ", undescribed)}.");

        var file = model.Name + ".onnx";
        File.WriteAllBytes(Path.Combine(outputDirectory, file), converted.OnnxBytes);
        return new ManifestModel(model.Name, file, Sha256Hex.Of(converted.OnnxBytes), converted.OnnxBytes.LongLength, sources, model.Licence, model.Origin,
            model.KeypointFormat,
            new ManifestTensor(input.Name, input.Shape, input.Type.ManifestName(), model.InputRange),
            converted.Outputs.Select(output => new ManifestTensor(output.Name, output.Shape, output.Type.ManifestName(), Description: model.OutputDescriptions[output.Name])).ToList());
    }

    private void RequirePackageVersion()
    {
        var packageJson = Path.Combine(PackageDirectory, "package.json");
        if (!File.Exists(packageJson)) throw new FileNotFoundException($"{_catalog.Source.Package} is not installed (run npm ci in models/).", packageJson);
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(packageJson));
        var version = document.RootElement.GetProperty("version").GetString();
        if (version != _catalog.Source.Version)
            throw new InvalidDataException($"{_catalog.Source.Package} {version} is installed; models.json asks for {_catalog.Source.Version}.");
    }
}
