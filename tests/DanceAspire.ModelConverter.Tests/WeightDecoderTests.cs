using System.Text.Json;
using DanceAspire.ModelConverter.Tfjs;

namespace DanceAspire.ModelConverter.Tests;

public sealed class WeightDecoderTests
{
    [Fact]
    public void Float16_weights_decode_exactly_including_subnormals_and_the_largest_half()
    {
        // 1, -2, 65504 (largest half), 2^-24 (smallest subnormal), 0.333251953125, -0
        byte[] halves = [0x00, 0x3C, 0x00, 0xC0, 0xFF, 0x7B, 0x01, 0x00, 0x55, 0x35, 0x00, 0x80];

        var values = WeightDecoder.Float16(halves);

        Assert.Equal([1f, -2f, 65504f, MathF.Pow(2, -24), 0.333251953125f, -0f], values);
        Assert.True(float.IsNegative(values[5]));
    }

    [Fact]
    public void Weights_are_read_back_to_back_in_manifest_order_with_their_own_encodings()
    {
        using var specs = JsonDocument.Parse("""
            [
              {"name": "a", "shape": [2], "dtype": "float32", "quantization": {"dtype": "float16", "original_dtype": "float32"}},
              {"name": "b", "shape": [], "dtype": "int32"},
              {"name": "c", "shape": [2], "dtype": "float32", "quantization": {"dtype": "uint8", "scale": 0.5, "min": -1}}
            ]
            """);
        byte[] bytes = [0x00, 0x3C, 0x00, 0x40, 0xF9, 0xFF, 0xFF, 0xFF, 0x00, 0x04];

        var weights = WeightDecoder.Decode(specs.RootElement, bytes).ToList();

        Assert.Equal([1f, 2f], weights[0].Floats!);
        Assert.Equal([-7], weights[1].Ints!);
        Assert.Empty(weights[1].Shape);
        Assert.Equal([-1f, 1f], weights[2].Floats!);
    }

    [Fact]
    public void Weight_data_that_does_not_match_the_manifest_is_rejected()
    {
        using var specs = JsonDocument.Parse("""[{"name": "a", "shape": [3], "dtype": "int32"}]""");

        Assert.Throws<InvalidDataException>(() => WeightDecoder.Decode(specs.RootElement, new byte[8]).ToList());
        Assert.Throws<InvalidDataException>(() => WeightDecoder.Decode(specs.RootElement, new byte[16]).ToList());
    }
}
