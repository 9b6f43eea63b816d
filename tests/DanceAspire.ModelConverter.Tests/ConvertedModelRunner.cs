using Microsoft.ML.OnnxRuntime;

namespace DanceAspire.ModelConverter.Tests;

/// <summary>A converted model in an ONNX Runtime CPU session.</summary>
internal sealed class ConvertedModelRunner : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly long[] _inputShape;

    public ConvertedModelRunner(string modelPath, int threads = 1, bool optimize = true) : this(File.ReadAllBytes(modelPath), threads, optimize) { }

    /// <summary>With <paramref name="optimize"/> false ONNX Runtime runs the graph as written (no fusions or layout changes).</summary>
    public ConvertedModelRunner(byte[] model, int threads = 1, bool optimize = true)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = optimize ? GraphOptimizationLevel.ORT_ENABLE_ALL : GraphOptimizationLevel.ORT_DISABLE_ALL,
        };
        _session = new InferenceSession(model, options);
        _inputName = _session.InputNames.Single();
        _inputShape = _session.InputMetadata[_inputName].Dimensions.Select(dim => (long)dim).ToArray();
    }

    public IReadOnlyList<string> OutputNames => _session.OutputNames;

    public IReadOnlyDictionary<string, float[]> Run(ModelInput input)
    {
        using var tensor = input.Ints is not null
            ? OrtValue.CreateTensorValueFromMemory(input.Ints, _inputShape)
            : OrtValue.CreateTensorValueFromMemory(input.Floats!, _inputShape);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [_inputName], [tensor], _session.OutputNames);
        return _session.OutputNames.Zip(outputs, (name, value) => (name, value.GetTensorDataAsSpan<float>().ToArray()))
            .ToDictionary(pair => pair.name, pair => pair.Item2);
    }

    public void Dispose() => _session.Dispose();
}
