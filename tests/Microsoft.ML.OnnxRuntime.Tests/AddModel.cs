using Google.Protobuf;
using static Google.Protobuf.WireFormat;

namespace Microsoft.ML.OnnxRuntime.Tests;

/// <summary>
/// A one-node ONNX model, C = Add(A, B) over float tensors of one fixed shape, encoded
/// field by field with the numbers from onnx/onnx.proto, so the tests need no model file.
/// </summary>
internal static class AddModel
{
    private const long IrVersion = 8;
    private const long OnnxOpsetVersion = 13;
    private const int FloatElementType = 1; // TensorProto.DataType.FLOAT

    public static byte[] Encode(params long[] shape) =>
        Message(model =>
        {
            model.WriteTag(1, WireType.Varint); // ModelProto.ir_version
            model.WriteInt64(IrVersion);
            model.WriteTag(8, WireType.LengthDelimited); // ModelProto.opset_import
            model.WriteBytes(Message(opset =>
            {
                opset.WriteTag(1, WireType.LengthDelimited); // OperatorSetIdProto.domain ("" is ONNX's own)
                opset.WriteString("");
                opset.WriteTag(2, WireType.Varint); // OperatorSetIdProto.version
                opset.WriteInt64(OnnxOpsetVersion);
            }));
            model.WriteTag(7, WireType.LengthDelimited); // ModelProto.graph
            model.WriteBytes(Graph(shape));
        }).ToByteArray();

    private static ByteString Graph(long[] shape) =>
        Message(graph =>
        {
            graph.WriteTag(1, WireType.LengthDelimited); // GraphProto.node
            graph.WriteBytes(Message(node =>
            {
                node.WriteTag(1, WireType.LengthDelimited); // NodeProto.input
                node.WriteString("A");
                node.WriteTag(1, WireType.LengthDelimited);
                node.WriteString("B");
                node.WriteTag(2, WireType.LengthDelimited); // NodeProto.output
                node.WriteString("C");
                node.WriteTag(4, WireType.LengthDelimited); // NodeProto.op_type
                node.WriteString("Add");
            }));
            graph.WriteTag(2, WireType.LengthDelimited); // GraphProto.name
            graph.WriteString("add");
            foreach (var input in new[] { "A", "B" })
            {
                graph.WriteTag(11, WireType.LengthDelimited); // GraphProto.input
                graph.WriteBytes(FloatTensorValue(input, shape));
            }
            graph.WriteTag(12, WireType.LengthDelimited); // GraphProto.output
            graph.WriteBytes(FloatTensorValue("C", shape));
        });

    private static ByteString FloatTensorValue(string name, long[] shape) =>
        Message(value =>
        {
            value.WriteTag(1, WireType.LengthDelimited); // ValueInfoProto.name
            value.WriteString(name);
            value.WriteTag(2, WireType.LengthDelimited); // ValueInfoProto.type
            value.WriteBytes(Message(type =>
            {
                type.WriteTag(1, WireType.LengthDelimited); // TypeProto.tensor_type
                type.WriteBytes(Message(tensor =>
                {
                    tensor.WriteTag(1, WireType.Varint); // TypeProto.Tensor.elem_type
                    tensor.WriteInt32(FloatElementType);
                    tensor.WriteTag(2, WireType.LengthDelimited); // TypeProto.Tensor.shape
                    tensor.WriteBytes(Message(tensorShape =>
                    {
                        foreach (var extent in shape)
                        {
                            tensorShape.WriteTag(1, WireType.LengthDelimited); // TensorShapeProto.dim
                            tensorShape.WriteBytes(Message(dimension =>
                            {
                                dimension.WriteTag(1, WireType.Varint); // Dimension.dim_value
                                dimension.WriteInt64(extent);
                            }));
                        }
                    }));
                }));
            }));
        });

    private static ByteString Message(Action<CodedOutputStream> writeFields)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            writeFields(output);
        }
        return ByteString.CopyFrom(buffer.ToArray());
    }
}
