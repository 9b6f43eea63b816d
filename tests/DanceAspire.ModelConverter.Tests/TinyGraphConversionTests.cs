using System.Text.Json;
using DanceAspire.ModelConverter.Conversion;
using DanceAspire.ModelConverter.Tfjs;

namespace DanceAspire.ModelConverter.Tests;

/// <summary>Small hand-written TFJS graphs, converted and run in ONNX Runtime, checked against values computed here.</summary>
public sealed class TinyGraphConversionTests
{
    [Fact]
    public void A_fused_strided_same_padded_convolution_matches_tensorflow_semantics()
    {
        // Input 1x5x5x2, filter 3x3x2x3, stride 2, SAME: TensorFlow pads 1 before and 1 after (odd total goes after).
        var input = Enumerable.Range(0, 50).Select(i => (float)Math.Sin(i)).ToArray();
        var filter = Enumerable.Range(0, 54).Select(i => (float)Math.Cos(i * 0.7) * 2).ToArray();
        float[] bias = [0.5f, -0.25f, 3f];
        var model = Graph(
            """{"name": "x", "op": "Placeholder", "attr": {"dtype": {"type": "DT_FLOAT"}, "shape": {"shape": {"dim": [{"size": "-1"}, {"size": "5"}, {"size": "5"}, {"size": "2"}]}}}}""",
            """{"name": "w", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"}}}""",
            """{"name": "b", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"}}}""",
            """{"name": "y", "op": "_FusedConv2D", "input": ["x", "w", "b"], "attr": {"strides": {"list": {"i": ["1", "2", "2", "1"]}}, "dilations": {"list": {"i": ["1", "1", "1", "1"]}}, "padding": {"s": "U0FNRQ=="}, "fused_ops": {"list": {"s": ["Qmlhc0FkZA==", "UmVsdTY="]}}, "num_args": {"i": "1"}}}""",
            """{"name": "Identity", "op": "Identity", "input": ["y"]}""")
            with { Weights = Weights(("w", [3, 3, 2, 3], filter), ("b", [3], bias)) };

        var converted = GraphConverter.Convert(model, "conv");
        var actual = Run(converted, input);

        Assert.Equal([1, 3, 3, 3], converted.Outputs.Single().Shape);
        var expected = new float[27];
        for (var oy = 0; oy < 3; oy++)
            for (var ox = 0; ox < 3; ox++)
                for (var o = 0; o < 3; o++)
                {
                    double sum = bias[o];
                    for (var ky = 0; ky < 3; ky++)
                        for (var kx = 0; kx < 3; kx++)
                            for (var c = 0; c < 2; c++)
                            {
                                int iy = oy * 2 - 1 + ky, ix = ox * 2 - 1 + kx;
                                if (iy is >= 0 and < 5 && ix is >= 0 and < 5)
                                    sum += input[(iy * 5 + ix) * 2 + c] * filter[((ky * 3 + kx) * 2 + c) * 3 + o];
                            }
                    expected[(oy * 3 + ox) * 3 + o] = (float)Math.Clamp(sum, 0, 6);
                }
        Assert.All(actual.Zip(expected), pair => Assert.Equal(pair.Second, pair.First, 5));
    }

    [Fact]
    public void Integer_floor_division_rounds_toward_negative_infinity_like_tensorflow()
    {
        var model = Graph(
            """{"name": "x", "op": "Placeholder", "attr": {"dtype": {"type": "DT_INT32"}, "shape": {"shape": {"dim": [{"size": "6"}]}}}}""",
            """{"name": "d", "op": "Const", "attr": {"dtype": {"type": "DT_INT32"}}}""",
            """{"name": "q", "op": "FloorDiv", "input": ["x", "d"]}""",
            """{"name": "Identity", "op": "Cast", "input": ["q"], "attr": {"DstT": {"type": "DT_FLOAT"}, "SrcT": {"type": "DT_INT32"}}}""")
            with { Weights = new Dictionary<string, TfWeight> { ["d"] = new("d", TensorType.Int32, [], null, [3]) } };

        var actual = Run(GraphConverter.Convert(model, "floordiv"), [-7, -6, -1, 0, 5, 7]);

        Assert.Equal([-3f, -2f, -1f, 0f, 1f, 2f], actual);
    }

    [Fact]
    public void Argmax_keeps_tensorflows_int32_result_type_and_drops_the_reduced_axis()
    {
        var model = Graph(
            """{"name": "x", "op": "Placeholder", "attr": {"dtype": {"type": "DT_FLOAT"}, "shape": {"shape": {"dim": [{"size": "2"}, {"size": "3"}]}}}}""",
            """{"name": "axis", "op": "Const", "attr": {"dtype": {"type": "DT_INT32"}}}""",
            """{"name": "Identity", "op": "ArgMax", "input": ["x", "axis"], "attr": {"output_type": {"type": "DT_INT32"}}}""")
            with { Weights = new Dictionary<string, TfWeight> { ["axis"] = new("axis", TensorType.Int32, [], null, [-1]) } };

        var converted = GraphConverter.Convert(model, "argmax");

        var output = converted.Outputs.Single();
        Assert.Equal(TensorType.Int32, output.Type);
        Assert.Equal([2], output.Shape);
        using var session = new Microsoft.ML.OnnxRuntime.InferenceSession(converted.OnnxBytes);
        using var tensor = Microsoft.ML.OnnxRuntime.OrtValue.CreateTensorValueFromMemory(new float[] { 1, 9, 3, 7, 2, 5 }, [2, 3]);
        using var runOptions = new Microsoft.ML.OnnxRuntime.RunOptions();
        using var results = session.Run(runOptions, ["x"], [tensor], ["Identity"]);
        Assert.Equal([1, 0], results[0].GetTensorDataAsSpan<int>().ToArray());
    }

    [Fact]
    public void An_unsupported_op_is_reported_with_its_node_name()
    {
        var model = Graph(
            """{"name": "x", "op": "Placeholder", "attr": {"dtype": {"type": "DT_FLOAT"}, "shape": {"shape": {"dim": [{"size": "2"}]}}}}""",
            """{"name": "Identity", "op": "Erf", "input": ["x"]}""");

        var error = Assert.Throws<NotSupportedException>(() => GraphConverter.Convert(model, "erf"));

        Assert.Contains("'Identity'", error.Message);
        Assert.Contains("Erf", error.Message);
    }

    private static TfjsGraphModel Graph(params string[] nodes)
    {
        const string Signature = """
            "signature": {"inputs": {"x:0": {"name": "x:0"}}, "outputs": {"Identity:0": {"name": "Identity:0"}}}
            """;
        var json = "{\"format\": \"graph-model\", \"modelTopology\": {\"node\": [" + string.Join(",", nodes) + "]}, " + Signature + ", \"weightsManifest\": []}";
        using var document = JsonDocument.Parse(json);
        return TfjsGraphModel.Parse(document.RootElement, _ => []);
    }

    private static Dictionary<string, TfWeight> Weights(params (string Name, int[] Shape, float[] Values)[] weights) =>
        weights.ToDictionary(w => w.Name, w => new TfWeight(w.Name, TensorType.Float, w.Shape, w.Values, null));

    private static float[] Run(ConvertedModel converted, float[] input)
    {
        using var runner = new ConvertedModelRunner(converted.OnnxBytes);
        return runner.Run(new ModelInput(null, input)).Values.Single();
    }

    private static float[] Run(ConvertedModel converted, int[] input)
    {
        using var runner = new ConvertedModelRunner(converted.OnnxBytes);
        return runner.Run(new ModelInput(input, null)).Values.Single();
    }
}
