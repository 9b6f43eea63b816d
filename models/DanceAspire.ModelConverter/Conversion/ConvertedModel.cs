using DanceAspire.ModelConverter.Tfjs;

namespace DanceAspire.ModelConverter.Conversion;

/// <summary>An input or output of a converted model.</summary>
internal sealed record ModelTensor(string Name, TensorType Type, IReadOnlyList<int> Shape);

/// <summary>The ONNX bytes of a converted model and its interface.</summary>
internal sealed record ConvertedModel(byte[] OnnxBytes, IReadOnlyList<ModelTensor> Inputs, IReadOnlyList<ModelTensor> Outputs);
