using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace DanceAspire.Pose.Models;

/// <summary>
/// One shared <see cref="InferenceSession"/> per model file, created on first use after the file's SHA-256 is checked
/// against the manifest. Sessions are safe to run from many threads at once, so every estimator shares them.
/// </summary>
public sealed class PoseModelCatalog : IDisposable
{
    private readonly PoseModelOptions settings;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<string, Lazy<InferenceSession>> sessions = new(StringComparer.Ordinal);
    private readonly Lazy<PoseModelManifest> manifest;
    private readonly Lazy<(SessionOptions Options, string Provider)> sessionOptions;
    private bool disposed;

    public PoseModelCatalog(IOptions<PoseModelOptions> options, ILogger<PoseModelCatalog>? logger = null)
        : this(options.Value, logger ?? (ILogger)NullLogger.Instance)
    {
    }

    public PoseModelCatalog(PoseModelOptions settings, ILogger logger)
    {
        this.settings = settings;
        this.logger = logger;
        manifest = new Lazy<PoseModelManifest>(() => PoseModelManifest.Load(ModelDirectory));
        sessionOptions = new Lazy<(SessionOptions, string)>(() => ExecutionProviderSetup.Create(settings, logger));
    }

    public string ModelDirectory => Path.GetFullPath(settings.ModelDirectory);

    /// <summary>The execution provider the sessions run on ("cpu" or "cuda"), settled when the first session is made.</summary>
    public string ExecutionProvider => sessionOptions.Value.Provider;

    /// <summary>The session for a model file such as <c>movenet-lightning.onnx</c>.</summary>
    public InferenceSession Session(string fileName)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var lazy = sessions.GetOrAdd(fileName, name => new Lazy<InferenceSession>(() => Load(name)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // Let a later call retry (the file may be prepared by then) rather than cache the failure.
            sessions.TryRemove(new KeyValuePair<string, Lazy<InferenceSession>>(fileName, lazy));
            throw;
        }
    }

    private InferenceSession Load(string fileName)
    {
        var path = Path.Combine(ModelDirectory, fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Pose model '{fileName}' is missing from '{ModelDirectory}': prepare the models first.", path);
        }
        var entry = manifest.Value.ForFile(fileName)
            ?? throw new InvalidDataException($"Pose model '{fileName}' is not listed in {PoseModelManifest.FileName} of '{ModelDirectory}'.");

        var bytes = File.ReadAllBytes(path);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, entry.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException(
                $"Pose model '{fileName}' does not match its manifest: SHA-256 is {actual}, expected {entry.Sha256}. Prepare the models again.");
        }

        var session = new InferenceSession(bytes, sessionOptions.Value.Options);
        logger.LogInformation("Loaded pose model {File} on {Provider}.", fileName, ExecutionProvider);
        return session;
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        foreach (var lazy in sessions.Values)
        {
            if (lazy.IsValueCreated) lazy.Value.Dispose();
        }
        sessions.Clear();
        if (sessionOptions.IsValueCreated) sessionOptions.Value.Options.Dispose();
    }
}
