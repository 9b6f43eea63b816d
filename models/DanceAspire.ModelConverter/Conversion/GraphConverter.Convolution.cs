using DanceAspire.ModelConverter.Onnx;
using DanceAspire.ModelConverter.Tfjs;

namespace DanceAspire.ModelConverter.Conversion;

// Convolution, pooling and depth-to-space: ONNX defines them on NCHW, TensorFlow's graphs use NHWC.
internal sealed partial class GraphConverter
{
    private static readonly long[] ToNchw = [0, 3, 1, 2];
    private static readonly long[] ToNhwc = [0, 2, 3, 1];

    private void ConvertConvolution(TfNode node, bool depthwise)
    {
        var input = Input(node, 0);
        var filter = Input(node, 1);
        if (input.Rank != 4 || filter.Rank != 4 || filter.Floats is null)
            throw new NotSupportedException($"Node '{node.Name}': only 2-D convolutions with constant filters are supported.");
        RequireNhwc(node);

        var (kernelHeight, kernelWidth, inChannels, filterOut) = (filter.Shape[0], filter.Shape[1], filter.Shape[2], filter.Shape[3]);
        if (inChannels != input.Shape[3])
            throw new NotSupportedException($"Node '{node.Name}': the filter expects {inChannels} channels, the input has {input.Shape[3]}.");
        var outChannels = depthwise ? inChannels * filterOut : filterOut;
        var weights = depthwise ? DepthwiseFilterToOnnx(filter) : FilterToOnnx(filter);
        var weightName = _onnx.AddInitializer(node.Name + "/onnx_weights", depthwise ? [outChannels, 1, kernelHeight, kernelWidth] : [outChannels, inChannels, kernelHeight, kernelWidth], weights);

        var fusedOps = node.Attributes.Strings("fused_ops");
        var inputs = new List<string> { Nchw(input), weightName };
        if (fusedOps.Count > 0)
        {
            if (fusedOps[0] != "BiasAdd") throw new NotSupportedException($"Node '{node.Name}': fused ops {string.Join('+', fusedOps)} are not supported.");
            inputs.Add(Use(Input(node, 2)));
        }

        var window = Window(node, input.Shape, kernelHeight, kernelWidth, node.Attributes.Ints("strides"), node.Attributes.Ints("dilations"));
        var result = _onnx.Add("Conv", node.Name + "/nchw", inputs,
            new OnnxAttribute.Ints("kernel_shape", [kernelHeight, kernelWidth]),
            new OnnxAttribute.Ints("strides", window.Strides),
            new OnnxAttribute.Ints("dilations", window.Dilations),
            new OnnxAttribute.Ints("pads", window.Pads),
            new OnnxAttribute.Int("group", depthwise ? inChannels : 1));

        foreach (var activation in fusedOps.Skip(1))
            result = Activation(node, activation, result);

        DefineFromNchw(node, result, [input.Shape[0], window.OutHeight, window.OutWidth, outChannels]);
    }

    private void ConvertMaxPool(TfNode node)
    {
        var input = Input(node, 0);
        RequireNhwc(node);
        var size = node.Attributes.Ints("ksize");
        if (size.Count != 4 || size[0] != 1 || size[3] != 1) throw new NotSupportedException($"Node '{node.Name}': only spatial pooling windows are supported.");
        var window = Window(node, input.Shape, (int)size[1], (int)size[2], node.Attributes.Ints("strides"), [1, 1, 1, 1]);
        var result = _onnx.Add("MaxPool", node.Name + "/nchw", [Nchw(input)],
            new OnnxAttribute.Ints("kernel_shape", [size[1], size[2]]),
            new OnnxAttribute.Ints("strides", window.Strides),
            new OnnxAttribute.Ints("pads", window.Pads));
        DefineFromNchw(node, result, [input.Shape[0], window.OutHeight, window.OutWidth, input.Shape[3]]);
    }

    private void ConvertDepthToSpace(TfNode node)
    {
        var input = Input(node, 0);
        RequireNhwc(node);
        var block = (int)node.Attributes.Int("block_size");
        // TensorFlow orders the moved channels as (row offset, column offset, channel): ONNX's DCR mode.
        var result = _onnx.Add("DepthToSpace", node.Name + "/nchw", [Nchw(input)],
            new OnnxAttribute.Int("blocksize", block), new OnnxAttribute.Text("mode", "DCR"));
        DefineFromNchw(node, result, [input.Shape[0], input.Shape[1] * block, input.Shape[2] * block, input.Shape[3] / (block * block)]);
    }

    private string Activation(TfNode node, string activation, string input) => activation switch
    {
        "Relu" => _onnx.Add("Relu", node.Name + "/relu", [input]),
        "Relu6" => _onnx.Add("Clip", node.Name + "/relu6", [input, SharedFloatScalar("relu6_min", 0f), SharedFloatScalar("relu6_max", 6f)]),
        _ => throw new NotSupportedException($"Node '{node.Name}': fused activation {activation} is not supported."),
    };

    private string Nchw(GraphValue value) =>
        value.NchwOnnxName ??= _onnx.Add("Transpose", value.NameHint + "/to_nchw", [Use(value)], new OnnxAttribute.Ints("perm", ToNchw));

    private void DefineFromNchw(TfNode node, string nchw, int[] nhwcShape, TensorType type = TensorType.Float) =>
        Define(node, GraphValue.NchwTensor(node.Name, nchw, type, nhwcShape));

    private static void RequireNhwc(TfNode node)
    {
        var format = node.Attributes.String("data_format", "NHWC");
        if (format != "NHWC") throw new NotSupportedException($"Node '{node.Name}': data format {format} is not supported.");
    }

    private sealed record SpatialWindow(long[] Strides, long[] Dilations, long[] Pads, int OutHeight, int OutWidth);

    /// <summary>Strides, dilations and explicit ONNX pads (top, left, bottom, right) for TensorFlow's padding modes.</summary>
    private static SpatialWindow Window(TfNode node, int[] inputShape, int kernelHeight, int kernelWidth, IReadOnlyList<long> strides, IReadOnlyList<long> dilations)
    {
        if (strides.Count != 4 || dilations.Count != 4) throw new InvalidDataException($"Node '{node.Name}' lacks NHWC strides or dilations.");
        long[] stride = [strides[1], strides[2]];
        long[] dilation = [dilations[1], dilations[2]];
        int[] kernel = [kernelHeight, kernelWidth];
        var padding = node.Attributes.String("padding");
        var explicitPads = node.Attributes.Ints("explicit_paddings");
        var begin = new long[2];
        var end = new long[2];
        var output = new int[2];
        for (var axis = 0; axis < 2; axis++)
        {
            var size = inputShape[axis + 1];
            var effectiveKernel = (kernel[axis] - 1) * dilation[axis] + 1;
            switch (padding)
            {
                case "VALID":
                    break;
                case "SAME":
                    // TensorFlow puts the odd padding pixel at the end (bottom/right).
                    var outSize = (size + stride[axis] - 1) / stride[axis];
                    var total = Math.Max((outSize - 1) * stride[axis] + effectiveKernel - size, 0);
                    begin[axis] = total / 2;
                    end[axis] = total - total / 2;
                    break;
                case "EXPLICIT":
                    begin[axis] = explicitPads[2 * (axis + 1)];
                    end[axis] = explicitPads[2 * (axis + 1) + 1];
                    break;
                default:
                    throw new NotSupportedException($"Node '{node.Name}': padding {padding} is not supported.");
            }
            output[axis] = (int)((size + begin[axis] + end[axis] - effectiveKernel) / stride[axis] + 1);
        }
        return new SpatialWindow(stride, dilation, [begin[0], begin[1], end[0], end[1]], output[0], output[1]);
    }

    // TensorFlow filters are [height, width, in, out]; ONNX wants [out, in, height, width].
    private static float[] FilterToOnnx(GraphValue filter)
    {
        var (height, width, input, output) = (filter.Shape[0], filter.Shape[1], filter.Shape[2], filter.Shape[3]);
        var source = filter.Floats!;
        var result = new float[source.Length];
        for (var h = 0; h < height; h++)
            for (var w = 0; w < width; w++)
                for (var i = 0; i < input; i++)
                    for (var o = 0; o < output; o++)
                        result[((o * input + i) * height + h) * width + w] = source[((h * width + w) * input + i) * output + o];
        return result;
    }

    // Depthwise filters are [height, width, in, multiplier]; output channel i*multiplier+m reads input channel i,
    // which is ONNX's grouped convolution with one group per input channel: [in*multiplier, 1, height, width].
    private static float[] DepthwiseFilterToOnnx(GraphValue filter)
    {
        var (height, width, input, multiplier) = (filter.Shape[0], filter.Shape[1], filter.Shape[2], filter.Shape[3]);
        var source = filter.Floats!;
        var result = new float[source.Length];
        for (var h = 0; h < height; h++)
            for (var w = 0; w < width; w++)
                for (var i = 0; i < input; i++)
                    for (var m = 0; m < multiplier; m++)
                        result[((i * multiplier + m) * height + h) * width + w] = source[((h * width + w) * input + i) * multiplier + m];
        return result;
    }
}
