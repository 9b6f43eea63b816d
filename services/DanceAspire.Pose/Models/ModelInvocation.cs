using Microsoft.ML.OnnxRuntime;

namespace DanceAspire.Pose.Models;

/// <summary>
/// A model's single input and all its outputs bound to buffers that live as long as the estimator, so running a frame
/// allocates nothing. The session is shared; the buffers are this invocation's own (one per estimator, one thread).
/// </summary>
internal sealed class ModelInvocation<TInput> : IDisposable where TInput : unmanaged
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly string[] inputNames;
    private readonly OrtValue[] inputValues;
    private readonly string[] outputNames;
    private readonly OrtValue[] outputValues;

    public ModelInvocation(InferenceSession session, string modelFile)
    {
        this.session = session;
        if (session.InputMetadata.Count != 1) throw new InvalidDataException($"Pose model '{modelFile}' has {session.InputMetadata.Count} inputs; one was expected.");
        var (inputName, inputMeta) = session.InputMetadata.First();
        if (inputMeta.ElementType != typeof(TInput))
        {
            throw new InvalidDataException($"Pose model '{modelFile}' takes {inputMeta.ElementType.Name} input; {typeof(TInput).Name} was expected.");
        }
        if (inputMeta.Dimensions.Skip(1).Any(d => d < 0))
        {
            throw new InvalidDataException($"Pose model '{modelFile}' has a free input size [{string.Join(',', inputMeta.Dimensions)}]; a fixed one was expected.");
        }
        InputShape = FixedShape(inputMeta.Dimensions);
        Input = new TInput[Volume(InputShape)];
        inputNames = [inputName];
        inputValues = [OrtValue.CreateTensorValueFromMemory(Input, InputShape)];

        outputNames = [.. session.OutputMetadata.Keys];
        OutputShapes = [.. session.OutputMetadata.Values.Select(m => FixedShape(m.Dimensions))];
        Outputs = [.. OutputShapes.Select(shape => new float[Volume(shape)])];
        outputValues = [.. Outputs.Select((buffer, i) => OrtValue.CreateTensorValueFromMemory(buffer, OutputShapes[i]))];
        foreach (var meta in session.OutputMetadata.Values)
        {
            if (meta.ElementType != typeof(float)) throw new InvalidDataException($"Pose model '{modelFile}' has a {meta.ElementType.Name} output; float outputs were expected.");
        }
    }

    /// <summary>NHWC shape of the input, batch 1.</summary>
    public long[] InputShape { get; }

    /// <summary>The input buffer: fill it, then <see cref="Run"/>.</summary>
    public TInput[] Input { get; }

    public IReadOnlyList<long[]> OutputShapes { get; }

    /// <summary>The output buffers in the model's output order, refilled by each <see cref="Run"/>.</summary>
    public IReadOnlyList<float[]> Outputs { get; }

    public int InputHeight => (int)InputShape[1];
    public int InputWidth => (int)InputShape[2];

    public void Run() => session.Run(runOptions, inputNames, inputValues, outputNames, outputValues);

    public void Dispose()
    {
        foreach (var value in inputValues) value.Dispose();
        foreach (var value in outputValues) value.Dispose();
        runOptions.Dispose();
    }

    // A free batch dimension (-1) means one frame at a time here.
    private static long[] FixedShape(int[] dimensions) => [.. dimensions.Select(d => d < 0 ? 1L : d)];

    private static int Volume(long[] shape) => (int)shape.Aggregate(1L, (a, b) => a * b);
}
