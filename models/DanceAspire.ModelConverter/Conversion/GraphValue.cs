using DanceAspire.ModelConverter.Tfjs;

namespace DanceAspire.ModelConverter.Conversion;

/// <summary>
/// A TensorFlow tensor during conversion: its element type and static shape, its constant value when known
/// (weights and folded shape arithmetic), and the ONNX tensor that holds it once one exists.
/// </summary>
internal sealed class GraphValue
{
    public required TensorType Type { get; init; }
    public required int[] Shape { get; init; }
    public required string NameHint { get; init; }
    public float[]? Floats { get; init; }
    public int[]? Ints { get; init; }

    /// <summary>The ONNX tensor holding this value; null for a constant not used by any ONNX node yet.</summary>
    public string? OnnxName { get; set; }

    /// <summary>The same data in NCHW layout, when a convolution produced it, so the next one needs no transpose.</summary>
    public string? NchwOnnxName { get; init; }

    public bool IsConstant => Floats is not null || Ints is not null;

    public int Rank => Shape.Length;

    public int ElementCount => Shape.Aggregate(1, (product, dim) => product * dim);

    public static GraphValue Tensor(string onnxName, TensorType type, int[] shape, string? nchwOnnxName = null) =>
        new() { Type = type, Shape = shape, NameHint = onnxName, OnnxName = onnxName, NchwOnnxName = nchwOnnxName };

    public static GraphValue Constant(string nameHint, int[] shape, int[] values) =>
        new() { Type = TensorType.Int32, Shape = shape, NameHint = nameHint, Ints = values };

    public static GraphValue Constant(string nameHint, int[] shape, float[] values) =>
        new() { Type = TensorType.Float, Shape = shape, NameHint = nameHint, Floats = values };

    /// <summary>The same constant data seen with another shape (reshape, expand, squeeze of a constant).</summary>
    public GraphValue Reshaped(string nameHint, int[] shape) =>
        new() { Type = Type, Shape = shape, NameHint = nameHint, Floats = Floats, Ints = Ints };

    /// <summary>The constant's values as integers (shape arithmetic, axes, sizes).</summary>
    public int[] IntValues(string what) =>
        Ints ?? throw new NotSupportedException($"{what} must be a constant int32 tensor.");
}
