using System.Runtime.InteropServices;
using DanceAspire.ModelConverter.Onnx.Proto;
using DanceAspire.ModelConverter.Tfjs;
using Google.Protobuf;

namespace DanceAspire.ModelConverter.Onnx;

/// <summary>An attribute of an ONNX node.</summary>
internal abstract record OnnxAttribute(string Name)
{
    public sealed record Int(string Name, long Value) : OnnxAttribute(Name);
    public sealed record Ints(string Name, IReadOnlyList<long> Values) : OnnxAttribute(Name);
    public sealed record Float(string Name, float Value) : OnnxAttribute(Name);
    public sealed record Text(string Name, string Value) : OnnxAttribute(Name);
}

/// <summary>
/// Collects the nodes, initializers, inputs and outputs of one ONNX graph in the order they are added, so the same
/// conversion writes the same bytes every time.
/// </summary>
internal sealed class OnnxGraphBuilder
{
    public const int Opset = 17;
    private const long IrVersion = 8; // the IR version that goes with opset 17

    private readonly GraphProto _graph = new();
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public OnnxGraphBuilder(string graphName) => _graph.Name = graphName;

    /// <summary>A tensor name not used yet, derived from <paramref name="wanted"/>.</summary>
    public string UniqueName(string wanted)
    {
        var name = wanted;
        for (var i = 1; !_names.Add(name); i++) name = $"{wanted}_{i}";
        return name;
    }

    /// <summary>Claims a name up front (graph outputs) so no intermediate tensor takes it.</summary>
    public void Reserve(string name)
    {
        if (!_names.Add(name)) throw new InvalidOperationException($"Name '{name}' is taken.");
    }

    public void AddInput(string name, TensorType type, IReadOnlyList<int> shape)
    {
        if (!_names.Add(name)) throw new InvalidOperationException($"Input name '{name}' is taken.");
        _graph.Input.Add(ValueInfo(name, type, shape));
    }

    public void AddOutput(string name, TensorType type, IReadOnlyList<int> shape) => _graph.Output.Add(ValueInfo(name, type, shape));

    /// <summary>Adds a node; its outputs get unique names derived from <paramref name="outputHints"/>.</summary>
    public string[] AddNode(string opType, string nodeName, IReadOnlyList<string> inputs, IReadOnlyList<string> outputHints, params OnnxAttribute[] attributes)
    {
        var outputs = outputHints.Select(UniqueName).ToArray();
        AddNodeWithOutputs(opType, nodeName, inputs, outputs, attributes);
        return outputs;
    }

    /// <summary>Adds a node whose output names are chosen by the caller (graph outputs).</summary>
    public void AddNodeWithOutputs(string opType, string nodeName, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params OnnxAttribute[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = nodeName };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes.Select(ToProto));
        _graph.Node.Add(node);
    }

    /// <summary>Adds a one-output node named after its output.</summary>
    public string Add(string opType, string outputHint, IReadOnlyList<string> inputs, params OnnxAttribute[] attributes)
    {
        var output = UniqueName(outputHint);
        AddNodeWithOutputs(opType, output, inputs, [output], attributes);
        return output;
    }

    public string AddInitializer(string nameHint, IReadOnlyList<int> shape, float[] values) =>
        AddInitializer(nameHint, TensorType.Float, shape, MemoryMarshal.AsBytes(values.AsSpan()));

    public string AddInitializer(string nameHint, IReadOnlyList<int> shape, int[] values) =>
        AddInitializer(nameHint, TensorType.Int32, shape, MemoryMarshal.AsBytes(values.AsSpan()));

    public string AddInitializer(string nameHint, IReadOnlyList<int> shape, long[] values) =>
        AddInitializer(nameHint, TensorType.Int64, shape, MemoryMarshal.AsBytes(values.AsSpan()));

    private string AddInitializer(string nameHint, TensorType type, IReadOnlyList<int> shape, ReadOnlySpan<byte> littleEndianBytes)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("ONNX raw_data is little-endian.");
        var name = UniqueName(nameHint);
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(littleEndianBytes) };
        tensor.Dims.AddRange(shape.Select(dim => (long)dim));
        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>The serialized model.</summary>
    public byte[] ToModelBytes(string producerVersion, IReadOnlyDictionary<string, string> metadata)
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "DanceAspire.ModelConverter",
            ProducerVersion = producerVersion,
            Graph = _graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        foreach (var (key, value) in metadata.OrderBy(entry => entry.Key, StringComparer.Ordinal))
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return model.ToByteArray();
    }

    private static ValueInfoProto ValueInfo(string name, TensorType type, IReadOnlyList<int> shape)
    {
        var tensorShape = new TensorShapeProto();
        tensorShape.Dim.AddRange(shape.Select(dim => new TensorShapeProto.Types.Dimension { DimValue = dim }));
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = tensorShape } },
        };
    }

    private static AttributeProto ToProto(OnnxAttribute attribute)
    {
        var proto = new AttributeProto { Name = attribute.Name };
        switch (attribute)
        {
            case OnnxAttribute.Int a: proto.Type = AttributeProto.Types.AttributeType.Int; proto.I = a.Value; break;
            case OnnxAttribute.Ints a: proto.Type = AttributeProto.Types.AttributeType.Ints; proto.Ints.AddRange(a.Values); break;
            case OnnxAttribute.Float a: proto.Type = AttributeProto.Types.AttributeType.Float; proto.F = a.Value; break;
            case OnnxAttribute.Text a: proto.Type = AttributeProto.Types.AttributeType.String; proto.S = ByteString.CopyFromUtf8(a.Value); break;
            default: throw new ArgumentOutOfRangeException(nameof(attribute));
        }
        return proto;
    }
}
