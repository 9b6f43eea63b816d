namespace DanceAspire.ModelConverter.Tfjs;

/// <summary>Element types the converter handles; the values are ONNX's TensorProto.DataType codes.</summary>
internal enum TensorType
{
    Float = 1,
    Int32 = 6,
    Int64 = 7,
    Bool = 9,
}

internal static class TensorTypes
{
    public static TensorType FromTensorFlow(string name) => name switch
    {
        "DT_FLOAT" => TensorType.Float,
        "DT_INT32" => TensorType.Int32,
        "DT_INT64" => TensorType.Int64,
        "DT_BOOL" => TensorType.Bool,
        _ => throw new NotSupportedException($"TensorFlow type {name} is not supported."),
    };

    /// <summary>The names used in manifests and by ONNX Runtime's API.</summary>
    public static string ManifestName(this TensorType type) => type switch
    {
        TensorType.Float => "float32",
        TensorType.Int32 => "int32",
        TensorType.Int64 => "int64",
        TensorType.Bool => "bool",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
