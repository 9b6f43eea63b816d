using System.Runtime.InteropServices;

namespace DanceAspire.ModelConverter.Tests;

/// <summary>One input tensor for a model, built from rgb24 bytes in the value range the model expects.</summary>
internal sealed record ModelInput(int[]? Ints, float[]? Floats)
{
    public static ModelInput FromPixels(byte[] rgb, string type, IReadOnlyList<double> range) => type switch
    {
        "int32" => new ModelInput(rgb.Select(value => (int)value).ToArray(), null),
        "float32" => new ModelInput(null, rgb.Select(value => (float)(range[0] + value / 255.0 * (range[1] - range[0]))).ToArray()),
        _ => throw new NotSupportedException(type),
    };

    public byte[] LittleEndianBytes() =>
        Ints is not null ? MemoryMarshal.AsBytes(Ints.AsSpan()).ToArray() : MemoryMarshal.AsBytes(Floats.AsSpan()).ToArray();
}
