namespace DanceAspire.Pose;

/// <summary>Where the pose models live and how ONNX Runtime runs them; bound from the <c>Pose</c> configuration section.</summary>
public sealed class PoseModelOptions
{
    public const string SectionName = "Pose";

    /// <summary>The folder holding the <c>.onnx</c> files and their <c>manifest.json</c>.</summary>
    public string ModelDirectory { get; set; } = "models/onnx";

    /// <summary><c>cpu</c> (default) or <c>cuda</c>; CUDA falls back to CPU with one warning when it cannot be used.</summary>
    public string ExecutionProvider { get; set; } = "cpu";

    /// <summary>Threads per inference; 0 leaves ONNX Runtime's default.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>
    /// Whether ONNX Runtime's intra-op threads spin while waiting for work. Off by default: spinning threads take CPU
    /// from the ffmpeg decoder and encoder running beside inference, for no gain at one frame at a time.
    /// </summary>
    public bool AllowSpinning { get; set; }

    /// <summary>Path of <c>libonnxruntime_providers_cuda.so</c>; when empty it is looked for next to the binaries.</summary>
    public string? CudaProviderLibrary { get; set; }
}
