using System.Buffers.Binary;
using System.Text.Json;

namespace DanceAspire.ModelConverter.Tfjs;

/// <summary>
/// Decodes the weights of one manifest group: tensors stored back to back in the group's bytes, in manifest order,
/// each either plain (float32, int32) or quantized (float16, or uint8/uint16 with scale and min).
/// </summary>
internal static class WeightDecoder
{
    public static IEnumerable<TfWeight> Decode(JsonElement weightSpecs, byte[] bytes)
    {
        var offset = 0;
        foreach (var spec in weightSpecs.EnumerateArray())
        {
            var name = spec.GetProperty("name").GetString()!;
            var shape = spec.GetProperty("shape").EnumerateArray().Select(dim => dim.GetInt32()).ToArray();
            var count = shape.Aggregate(1, (product, dim) => product * dim);
            var dtype = spec.GetProperty("dtype").GetString()!;
            var storedAs = spec.TryGetProperty("quantization", out var quantization) ? quantization.GetProperty("dtype").GetString()! : dtype;
            var size = count * StoredSize(storedAs);
            if (offset + size > bytes.Length)
                throw new InvalidDataException($"Weight '{name}' runs past the end of the weight data ({offset + size} > {bytes.Length}).");
            var data = bytes.AsSpan(offset, size);
            offset += size;

            yield return (dtype, storedAs) switch
            {
                ("float32", "float32") => new TfWeight(name, TensorType.Float, shape, Float32(data), null),
                ("float32", "float16") => new TfWeight(name, TensorType.Float, shape, Float16(data), null),
                ("float32", "uint8" or "uint16") => new TfWeight(name, TensorType.Float, shape, Dequantize(data, storedAs, quantization), null),
                ("int32", "int32") => new TfWeight(name, TensorType.Int32, shape, null, Int32(data)),
                _ => throw new NotSupportedException($"Weight '{name}': dtype {dtype} stored as {storedAs} is not supported."),
            };
        }
        if (offset != bytes.Length)
            throw new InvalidDataException($"The manifest describes {offset} bytes of weights but the files hold {bytes.Length}.");
    }

    private static int StoredSize(string dtype) => dtype switch
    {
        "float32" or "int32" => 4,
        "float16" or "uint16" => 2,
        "uint8" or "bool" => 1,
        _ => throw new NotSupportedException($"Weight dtype {dtype} is not supported."),
    };

    /// <summary>IEEE 754 half floats, little-endian; every half is exactly representable as a float.</summary>
    public static float[] Float16(ReadOnlySpan<byte> data)
    {
        var values = new float[data.Length / 2];
        for (var i = 0; i < values.Length; i++)
            values[i] = (float)BitConverter.UInt16BitsToHalf(BinaryPrimitives.ReadUInt16LittleEndian(data[(2 * i)..]));
        return values;
    }

    private static float[] Float32(ReadOnlySpan<byte> data)
    {
        var values = new float[data.Length / 4];
        for (var i = 0; i < values.Length; i++)
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(4 * i)..]);
        return values;
    }

    private static int[] Int32(ReadOnlySpan<byte> data)
    {
        var values = new int[data.Length / 4];
        for (var i = 0; i < values.Length; i++)
            values[i] = BinaryPrimitives.ReadInt32LittleEndian(data[(4 * i)..]);
        return values;
    }

    // TFJS's affine quantization: value = quantized * scale + min.
    private static float[] Dequantize(ReadOnlySpan<byte> data, string storedAs, JsonElement quantization)
    {
        var scale = quantization.GetProperty("scale").GetSingle();
        var min = quantization.GetProperty("min").GetSingle();
        var step = storedAs == "uint8" ? 1 : 2;
        var values = new float[data.Length / step];
        for (var i = 0; i < values.Length; i++)
        {
            var quantized = step == 1 ? data[i] : BinaryPrimitives.ReadUInt16LittleEndian(data[(2 * i)..]);
            values[i] = quantized * scale + min;
        }
        return values;
    }
}
