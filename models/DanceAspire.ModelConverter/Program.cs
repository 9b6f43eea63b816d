using DanceAspire.ModelConverter.Catalog;

// Usage: DanceAspire.ModelConverter --catalog models/models.json --out models/onnx [--if-stale]
// With --if-stale it converts only when the manifest, a model file or a source no longer matches.
var options = ParseOptions(args);
if (!options.TryGetValue("--catalog", out var catalog) || !options.TryGetValue("--out", out var output))
{
    Console.Error.WriteLine("usage: DanceAspire.ModelConverter --catalog <models.json> --out <folder> [--if-stale]");
    return 2;
}

try
{
    var preparation = new ModelPreparation(catalog, output);
    if (options.ContainsKey("--if-stale"))
    {
        var reason = preparation.StaleReason(File.GetLastWriteTimeUtc(typeof(ModelPreparation).Assembly.Location));
        if (reason is null)
        {
            Console.WriteLine("  models up to date");
            return 0;
        }
        Console.WriteLine($"  converting models: {reason}");
    }
    preparation.ConvertAll(Console.Out);
    return 0;
}
catch (Exception error) when (error is IOException or InvalidDataException or NotSupportedException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"model conversion failed: {error.Message}");
    return 1;
}

static Dictionary<string, string> ParseOptions(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i < args.Length; i++)
        options[args[i]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "";
    return options;
}
