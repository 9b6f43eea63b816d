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

    /// <summary>
    /// The ONNX tensor holding this value (NHWC, as TensorFlow has it); null for a constant not used by any ONNX node
    /// yet, or for a tensor computed in NCHW whose NHWC form no node has needed yet.
    /// </summary>
    public string? OnnxName { get; set; }

    /// <summary>
    /// The same data in NCHW layout, when a convolution or an element-wise op on NCHW inputs produced it (or a transpose
    /// was made once), so the next convolution needs no transpose.
    /// </summary>
    public string? NchwOnnxName { get; set; }

    public bool IsConstant => Floats is not null || Ints is not null;

    public int Rank => Shape.Length;

    public int ElementCount => Shape.Aggregate(1, (product, dim) => product * dim);

    public static GraphValue Tensor(string onnxName, TensorType type, int[] shape) =>
        new() { Type = type, Shape = shape, NameHint = onnxName, OnnxName = onnxName };

    /// <summary>A 4-D tensor that exists only in NCHW so far; its NHWC form is made when a node needs it.</summary>
    public static GraphValue NchwTensor(string nameHint, string nchwOnnxName, TensorType type, int[] nhwcShape) =>
        new() { Type = type, Shape = nhwcShape, NameHint = nameHint, NchwOnnxName = nchwOnnxName };

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
