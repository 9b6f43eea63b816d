namespace DanceAspire.Testing;

/// <summary>
/// Paths of the repository and of the real test media. The media live in <c>shared/media</c> beside the repository
/// (see its README for provenance and licences); the models prepared at set-up live in <c>models/onnx</c>.
/// </summary>
public static class TestMedia
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The repository's root: the folder holding DanceAspire.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The shared media folder (<c>../shared/media</c> from the repository root).</summary>
    public static string MediaRoot => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "media"));

    /// <summary>The folder where set-up writes the converted ONNX models and their manifest.</summary>
    public static string ModelsRoot => Path.Combine(RepositoryRoot, "models", "onnx");

    /// <summary>A media file by its path under the media folder, e.g. <c>video/pose_squats.mp4</c>; throws when missing.</summary>
    public static string File(string relativePath)
    {
        var path = Path.Combine(MediaRoot, relativePath);
        return System.IO.File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Test media '{relativePath}' is missing: expected shared/media beside the repository.", path);
    }

    /// <summary>A prepared model file by name, e.g. <c>movenet-lightning.onnx</c>; throws when set-up has not made it.</summary>
    public static string Model(string fileName)
    {
        var path = Path.Combine(ModelsRoot, fileName);
        return System.IO.File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Model '{fileName}' is missing: run ./dance.sh test (or models/prepare.sh) to prepare the models.", path);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "DanceAspire.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("DanceAspire.sln was not found above " + AppContext.BaseDirectory);
    }
}
