using System.Security.Cryptography;
using System.Text;
using DanceAspire.Pose.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace DanceAspire.Pose.Tests;

public class PoseModelCatalogTests
{
    private static string Manifest(string file, string sha256) =>
        $$"""{"models": [{"name": "movenet-lightning", "file": "{{file}}", "sha256": "{{sha256}}", "keypoint_format": "coco17"}]}""";

    [Fact]
    public void A_model_whose_bytes_differ_from_the_manifest_is_refused_naming_the_file()
    {
        using var folder = new TemporaryFolder();
        folder.Write("movenet-lightning.onnx", Encoding.ASCII.GetBytes("not the model that was converted"));
        folder.Write(PoseModelManifest.FileName, Encoding.UTF8.GetBytes(Manifest("movenet-lightning.onnx", new string('0', 64))));
        using var catalog = new PoseModelCatalog(new PoseModelOptions { ModelDirectory = folder.Path }, NullLogger.Instance);

        var error = Assert.Throws<InvalidDataException>(() => catalog.Session("movenet-lightning.onnx"));

        Assert.Contains("movenet-lightning.onnx", error.Message);
        Assert.Contains("SHA-256", error.Message);
    }

    [Fact]
    public void A_missing_model_file_is_reported_with_its_name()
    {
        using var folder = new TemporaryFolder();
        folder.Write(PoseModelManifest.FileName, Encoding.UTF8.GetBytes(Manifest("movenet-lightning.onnx", new string('0', 64))));
        using var catalog = new PoseModelCatalog(new PoseModelOptions { ModelDirectory = folder.Path }, NullLogger.Instance);

        var error = Assert.Throws<FileNotFoundException>(() => catalog.Session("movenet-thunder.onnx"));

        Assert.Contains("movenet-thunder.onnx", error.Message);
    }

    [Fact]
    public void A_model_the_manifest_does_not_list_is_refused()
    {
        using var folder = new TemporaryFolder();
        var bytes = Encoding.ASCII.GetBytes("some bytes");
        folder.Write("blazepose-full.onnx", bytes);
        folder.Write(PoseModelManifest.FileName, Encoding.UTF8.GetBytes(Manifest("movenet-lightning.onnx", Convert.ToHexStringLower(SHA256.HashData(bytes)))));
        using var catalog = new PoseModelCatalog(new PoseModelOptions { ModelDirectory = folder.Path }, NullLogger.Instance);

        var error = Assert.Throws<InvalidDataException>(() => catalog.Session("blazepose-full.onnx"));

        Assert.Contains("blazepose-full.onnx", error.Message);
        Assert.Contains("not listed", error.Message);
    }

    [Fact]
    public void The_manifest_is_read_as_a_model_list_or_keyed_by_model_name()
    {
        var listed = PoseModelManifest.Parse(new MemoryStream(Encoding.UTF8.GetBytes(Manifest("a.onnx", "ab"))), "test");
        var keyed = PoseModelManifest.Parse(
            new MemoryStream(Encoding.UTF8.GetBytes("""{"m": {"file": "b.onnx", "sha256": "cd", "input": {"name": "x", "shape": [1, 2], "type": "int32"}}}""")), "test");

        Assert.Equal("ab", listed.ForFile("a.onnx")!.Sha256);
        Assert.Equal("m", keyed.ForFile("b.onnx")!.Name);
        Assert.Equal([1L, 2L], keyed.ForFile("b.onnx")!.Input!.Shape);
        Assert.Null(listed.ForFile("b.onnx"));
    }
}
