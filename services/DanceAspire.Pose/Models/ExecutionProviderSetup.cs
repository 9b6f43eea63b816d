using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace DanceAspire.Pose.Models;

/// <summary>
/// Builds the session options for the configured execution provider. The bundled native library is CPU-only, so CUDA
/// comes from a plug-in provider library registered with the environment; whenever that cannot work, the models run on
/// the CPU and one warning says why.
/// </summary>
internal static class ExecutionProviderSetup
{
    public const string CudaLibraryFileName = "libonnxruntime_providers_cuda.so";
    private const string CudaRegistrationName = "DanceAspire.Cuda";
    private const string CudaEpName = "CUDAExecutionProvider";

    private static readonly Lock RegistrationLock = new();
    private static bool cudaRegistered;

    /// <summary>The options every pose session is created with, and the provider they run on ("cpu" or "cuda").</summary>
    public static (SessionOptions Options, string Provider) Create(PoseModelOptions settings, ILogger logger)
    {
        var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (settings.IntraOpThreads > 0) options.IntraOpNumThreads = settings.IntraOpThreads;
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", settings.AllowSpinning ? "1" : "0");

        var requested = (settings.ExecutionProvider ?? "cpu").Trim().ToLowerInvariant();
        if (requested is "" or "cpu") return (options, "cpu");
        if (requested != "cuda")
        {
            logger.LogWarning("Pose models run on the CPU: execution provider '{Provider}' is unknown (use cpu or cuda).", requested);
            return (options, "cpu");
        }

        var failure = TryAppendCuda(options, settings.CudaProviderLibrary);
        if (failure is null) return (options, "cuda");
        logger.LogWarning("Pose models run on the CPU: CUDA is unavailable ({Reason}).", failure);
        return (options, "cpu");
    }

    /// <summary>Appends the CUDA provider; returns why not, or null on success.</summary>
    private static string? TryAppendCuda(SessionOptions options, string? configuredLibrary)
    {
        var library = string.IsNullOrWhiteSpace(configuredLibrary)
            ? Path.Combine(AppContext.BaseDirectory, CudaLibraryFileName)
            : Path.GetFullPath(configuredLibrary);
        if (!File.Exists(library)) return $"provider library '{library}' not found";

        var env = OrtEnv.Instance();
        lock (RegistrationLock)
        {
            if (!cudaRegistered)
            {
                try
                {
                    env.RegisterExecutionProviderLibrary(CudaRegistrationName, library);
                    cudaRegistered = true;
                }
                catch (OnnxRuntimeException e)
                {
                    return $"registering '{library}' failed: {FirstLine(e.Message)}";
                }
            }
        }

        var devices = env.GetEpDevices().Where(d => d.EpName == CudaEpName).ToList();
        if (devices.Count == 0) return "no CUDA device was found";
        try
        {
            options.AppendExecutionProvider(env, [devices[0]], new Dictionary<string, string>());
            return null;
        }
        catch (OnnxRuntimeException e)
        {
            return $"appending the CUDA provider failed: {FirstLine(e.Message)}";
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
