using DanceAspire.ModelConverter.Onnx;
using DanceAspire.ModelConverter.Tfjs;

namespace DanceAspire.ModelConverter.Conversion;

/// <summary>
/// Converts a TFJS graph model to an ONNX graph (opset 17). Tensors stay in TensorFlow's NHWC layout; convolutions,
/// pooling and depth-to-space run in NCHW between two transposes, and a convolution feeding another reuses its NCHW
/// result. The batch size is fixed to 1 so every shape is static; shape arithmetic on constants is folded here.
/// Only the nodes that the signature outputs depend on are converted.
/// </summary>
internal sealed partial class GraphConverter
{
    public const string ProducerVersion = "1";

    private readonly TfjsGraphModel _model;
    private readonly OnnxGraphBuilder _onnx;
    private readonly Dictionary<string, GraphValue> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sharedScalars = new(StringComparer.Ordinal);

    private GraphConverter(TfjsGraphModel model, string graphName)
    {
        _model = model;
        _onnx = new OnnxGraphBuilder(graphName);
    }

    public static ConvertedModel Convert(TfjsGraphModel model, string graphName, IReadOnlyDictionary<string, string>? metadata = null) =>
        new GraphConverter(model, graphName).Run(metadata ?? new Dictionary<string, string>());

    /// <summary>The public name of a signature tensor: its signature key without TensorFlow's <c>:0</c> suffix.</summary>
    public static string PublicName(TfSignatureTensor tensor) =>
        tensor.Key.EndsWith(":0", StringComparison.Ordinal) ? tensor.Key[..^2] : tensor.Key;

    private ConvertedModel Run(IReadOnlyDictionary<string, string> metadata)
    {
        var nodesByName = _model.Nodes.ToDictionary(node => node.Name, StringComparer.Ordinal);
        var inputNames = _model.Inputs.ToDictionary(input => NodeName(input.TensorName), PublicName, StringComparer.Ordinal);

        foreach (var output in _model.Outputs) _onnx.Reserve(PublicName(output));
        foreach (var node in TopologicalOrder(nodesByName, _model.Outputs.Select(output => NodeName(output.TensorName))))
            ConvertNode(node, inputNames);

        var inputs = _model.Inputs
            .Select(input => _values[NodeName(input.TensorName)])
            .Zip(_model.Inputs, (value, input) => new ModelTensor(PublicName(input), value.Type, value.Shape))
            .ToList();
        var outputs = new List<ModelTensor>();
        foreach (var output in _model.Outputs)
        {
            var value = Value(output.TensorName);
            var name = PublicName(output);
            _onnx.AddNodeWithOutputs("Identity", _onnx.UniqueName(name + "/output"), [Use(value)], [name]);
            _onnx.AddOutput(name, value.Type, value.Shape);
            outputs.Add(new ModelTensor(name, value.Type, value.Shape));
        }
        return new ConvertedModel(_onnx.ToModelBytes(ProducerVersion, metadata), inputs, outputs);
    }

    private void ConvertNode(TfNode node, IReadOnlyDictionary<string, string> inputNames)
    {
        switch (node.Op)
        {
            case "Placeholder":
                var name = inputNames.TryGetValue(node.Name, out var publicName) ? publicName : node.Name;
                // A dynamic batch becomes 1: the models run one image at a time and static shapes let shapes fold.
                var shape = node.Attributes.Shape("shape").Select(dim => dim < 0 ? 1 : dim).ToArray();
                var type = node.Attributes.Type("dtype");
                _onnx.AddInput(name, type, shape);
                Define(node, GraphValue.Tensor(name, type, shape));
                break;
            case "Const":
                Define(node, ConstantOf(node));
                break;
            case "Identity":
                Define(node, Input(node, 0));
                break;
            case "Conv2D" or "_FusedConv2D":
                ConvertConvolution(node, depthwise: false);
                break;
            case "DepthwiseConv2dNative" or "FusedDepthwiseConv2dNative":
                ConvertConvolution(node, depthwise: true);
                break;
            case "MaxPool":
                ConvertMaxPool(node);
                break;
            case "DepthToSpace":
                ConvertDepthToSpace(node);
                break;
            default:
                if (!TryConvertElementwise(node) && !TryConvertShapeOp(node))
                    throw new NotSupportedException($"Node '{node.Name}': TensorFlow op {node.Op} is not supported by the converter.");
                break;
        }
    }

    private GraphValue ConstantOf(TfNode node)
    {
        if (!_model.Weights.TryGetValue(node.Name, out var weight))
            throw new NotSupportedException($"Constant '{node.Name}' has no entry in the weights manifest.");
        return weight.Type == TensorType.Float
            ? GraphValue.Constant(node.Name, weight.Shape, weight.Floats!)
            : GraphValue.Constant(node.Name, weight.Shape, weight.Ints!);
    }

    // ---- values and names ----

    private void Define(TfNode node, GraphValue value, int outputIndex = 0) =>
        _values[outputIndex == 0 ? node.Name : $"{node.Name}:{outputIndex}"] = value;

    private GraphValue Input(TfNode node, int index) =>
        index < node.Inputs.Count ? Value(node.Inputs[index]) : throw new InvalidDataException($"Node '{node.Name}' has no input {index}.");

    private GraphValue Value(string tensorReference)
    {
        var key = tensorReference.EndsWith(":0", StringComparison.Ordinal) ? tensorReference[..^2] : tensorReference;
        return _values.TryGetValue(key, out var value) ? value : throw new InvalidDataException($"Tensor '{tensorReference}' is used before it is defined.");
    }

    /// <summary>The ONNX tensor of a value, writing a constant as an initializer the first time it is used.</summary>
    private string Use(GraphValue value)
    {
        if (value.OnnxName is not null) return value.OnnxName;
        if (value.NchwOnnxName is not null)
        {
            // Transposed back to TensorFlow's layout only now that a node needs it: chains of NCHW work need none.
            value.OnnxName = _onnx.Add("Transpose", value.NameHint, [value.NchwOnnxName], new OnnxAttribute.Ints("perm", ToNhwc));
            return value.OnnxName;
        }
        value.OnnxName = value.Floats is not null
            ? _onnx.AddInitializer(value.NameHint, value.Shape, value.Floats)
            : _onnx.AddInitializer(value.NameHint, value.Shape, value.Ints!);
        return value.OnnxName;
    }

    private string Int64Initializer(string nameHint, params long[] values) => _onnx.AddInitializer(nameHint, [values.Length], values);

    /// <summary>A float scalar initializer shared by every node that needs the same value (Relu6's bounds).</summary>
    private string SharedFloatScalar(string name, float value)
    {
        if (!_sharedScalars.TryGetValue(name, out var onnxName))
            _sharedScalars[name] = onnxName = _onnx.AddInitializer(name, [], [value]);
        return onnxName;
    }

    private static string NodeName(string tensorName)
    {
        var colon = tensorName.LastIndexOf(':');
        return colon < 0 ? tensorName : tensorName[..colon];
    }

    private static int NormalizeAxis(long axis, int rank) =>
        (int)(axis < 0 ? axis + rank : axis) is var normalized && normalized >= 0 && normalized < Math.Max(rank, 1)
            ? normalized
            : throw new InvalidDataException($"Axis {axis} is out of range for rank {rank}.");

    /// <summary>Nodes needed by the outputs, each after its inputs, in a stable order.</summary>
    private static List<TfNode> TopologicalOrder(IReadOnlyDictionary<string, TfNode> nodes, IEnumerable<string> outputs)
    {
        var order = new List<TfNode>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: in progress, true: done
        var stack = new Stack<(TfNode Node, int NextInput)>();
        foreach (var output in outputs)
        {
            if (state.ContainsKey(output)) continue;
            stack.Push((nodes[output], 0));
            state[output] = false;
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next < node.Inputs.Count)
                {
                    stack.Push((node, next + 1));
                    var dependency = NodeName(node.Inputs[next]);
                    if (!state.TryGetValue(dependency, out var done))
                    {
                        state[dependency] = false;
                        stack.Push((nodes.TryGetValue(dependency, out var input) ? input : throw new InvalidDataException($"Node '{node.Name}' uses unknown node '{dependency}'."), 0));
                    }
                    else if (!done) throw new InvalidDataException($"The graph has a cycle through '{dependency}'.");
                    continue;
                }
                state[node.Name] = true;
                order.Add(node);
            }
        }
        return order;
    }
}
