using DanceAspire.ModelConverter.Onnx;
using DanceAspire.ModelConverter.Tfjs;

namespace DanceAspire.ModelConverter.Conversion;

// Element-wise arithmetic and activations, with NumPy broadcasting in both frameworks.
internal sealed partial class GraphConverter
{
    private bool TryConvertElementwise(TfNode node)
    {
        switch (node.Op)
        {
            case "AddV2" or "Add": Binary(node, "Add"); return true;
            case "Sub": Binary(node, "Sub"); return true;
            case "Mul": Binary(node, "Mul"); return true;
            case "RealDiv": Binary(node, "Div"); return true;
            case "Maximum": Binary(node, "Max"); return true;
            case "Minimum": Binary(node, "Min"); return true;
            case "SquaredDifference": SquaredDifference(node); return true;
            case "FloorDiv": FloorDiv(node); return true;
            case "Sigmoid": Unary(node, "Sigmoid"); return true;
            case "Sqrt": Unary(node, "Sqrt"); return true;
            case "Relu": Unary(node, "Relu"); return true;
            case "Tanh": Unary(node, "Tanh"); return true;
            case "Exp": Unary(node, "Exp"); return true;
            case "Neg": Unary(node, "Neg"); return true;
            case "Relu6":
                var x = Input(node, 0);
                string[] bounds = [SharedFloatScalar("relu6_min", 0f), SharedFloatScalar("relu6_max", 6f)];
                if (x.NchwOnnxName is not null) DefineFromNchw(node, _onnx.Add("Clip", node.Name + "/nchw", [x.NchwOnnxName, .. bounds]), x.Shape, x.Type);
                else DefineTensor(node, _onnx.Add("Clip", node.Name, [Use(x), .. bounds]), x.Type, x.Shape);
                return true;
            case "Cast":
                Cast(node);
                return true;
            default:
                return false;
        }
    }

    private void Unary(TfNode node, string onnxOp)
    {
        var x = Input(node, 0);
        if (x.NchwOnnxName is not null)
        {
            DefineFromNchw(node, _onnx.Add(onnxOp, node.Name + "/nchw", [x.NchwOnnxName]), x.Shape, x.Type);
            return;
        }
        DefineTensor(node, _onnx.Add(onnxOp, node.Name, [Use(x)]), x.Type, x.Shape);
    }

    private void Binary(TfNode node, string onnxOp)
    {
        var (a, b) = (Input(node, 0), Input(node, 1));
        var shape = BroadcastShape(node, a.Shape, b.Shape);
        if (TryNchwOperands(node, a, b) is var (nchwA, nchwB))
        {
            DefineFromNchw(node, _onnx.Add(onnxOp, node.Name + "/nchw", [nchwA, nchwB]), shape, a.Type);
            return;
        }
        DefineTensor(node, _onnx.Add(onnxOp, node.Name, [Use(a), Use(b)]), a.Type, shape);
    }

    /// <summary>
    /// Both operands in NCHW, when the op can run there without a transpose: each tensor operand already has an NCHW
    /// form (a convolution's output, say), and each constant is a scalar or a per-channel vector, which is re-laid as
    /// [1, C, 1, 1]. Keeps the residual adds and scalings of conv nets between convolutions in NCHW.
    /// </summary>
    private (string A, string B)? TryNchwOperands(TfNode node, GraphValue a, GraphValue b)
    {
        if (a.Rank != 4 && b.Rank != 4) return null;
        if ((a.IsConstant ? null : a.NchwOnnxName) is null && (b.IsConstant ? null : b.NchwOnnxName) is null)
        {
            // An image scaled per channel before the first convolution (x - mean) / std: ONNX Runtime broadcasts a
            // trailing 3 slowly, and the convolution wants NCHW anyway, so transpose the image once and work there.
            var (tensor, constant) = a.IsConstant ? (b, a) : (a, b);
            if (tensor.IsConstant || !constant.IsConstant || tensor.Rank != 4 || tensor.Type != TensorType.Float
                || constant.ElementCount <= 1 || constant.ElementCount != constant.Shape[^1]) return null;
            Nchw(tensor);
        }
        var first = NchwOperand(node, a, "a");
        var second = NchwOperand(node, b, "b");
        return first is null || second is null ? null : (first, second);
    }

    private string? NchwOperand(TfNode node, GraphValue value, string which)
    {
        if (!value.IsConstant) return value.Rank == 4 ? value.NchwOnnxName : null;
        if (value.ElementCount == 1) return Use(value);
        // A per-channel constant: [C], [1, C], [1, 1, C] or [1, 1, 1, C] in NHWC broadcasts as [1, C, 1, 1] in NCHW.
        var channels = value.Shape[^1];
        if (value.ElementCount != channels || value.Shape.Length > 4) return null;
        var nchw = value.Reshaped($"{node.Name}/{which}_nchw", [1, channels, 1, 1]);
        return Use(nchw);
    }

    private void SquaredDifference(TfNode node)
    {
        var (a, b) = (Input(node, 0), Input(node, 1));
        var difference = _onnx.Add("Sub", node.Name + "/difference", [Use(a), Use(b)]);
        DefineTensor(node, _onnx.Add("Mul", node.Name, [difference, difference]), a.Type, BroadcastShape(node, a.Shape, b.Shape));
    }

    // ONNX's Div truncates integers toward zero; TensorFlow's FloorDiv rounds down. a - (a mod b), with the
    // modulo taking the divisor's sign, is an exact multiple of b, so dividing it truncates nothing.
    private void FloorDiv(TfNode node)
    {
        var (a, b) = (Input(node, 0), Input(node, 1));
        var shape = BroadcastShape(node, a.Shape, b.Shape);
        if (a.Type == TensorType.Float)
        {
            var quotient = _onnx.Add("Div", node.Name + "/quotient", [Use(a), Use(b)]);
            DefineTensor(node, _onnx.Add("Floor", node.Name, [quotient]), a.Type, shape);
            return;
        }
        var remainder = _onnx.Add("Mod", node.Name + "/remainder", [Use(a), Use(b)], new OnnxAttribute.Int("fmod", 0));
        var multiple = _onnx.Add("Sub", node.Name + "/multiple", [Use(a), remainder]);
        DefineTensor(node, _onnx.Add("Div", node.Name, [multiple, Use(b)]), a.Type, shape);
    }

    private void Cast(TfNode node)
    {
        var x = Input(node, 0);
        var target = node.Attributes.Type("DstT");
        if (x.Type == target) { Define(node, x); return; }
        if (x.Ints is not null && target == TensorType.Float)
        {
            Define(node, GraphValue.Constant(node.Name, x.Shape, x.Ints.Select(value => (float)value).ToArray()));
            return;
        }
        DefineTensor(node, _onnx.Add("Cast", node.Name, [Use(x)], new OnnxAttribute.Int("to", (long)target)), target, x.Shape);
    }

    private void DefineTensor(TfNode node, string onnxName, TensorType type, int[] shape, int outputIndex = 0) =>
        Define(node, GraphValue.Tensor(onnxName, type, shape), outputIndex);

    private static int[] BroadcastShape(TfNode node, int[] a, int[] b)
    {
        var rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var da = i - (rank - a.Length) >= 0 ? a[i - (rank - a.Length)] : 1;
            var db = i - (rank - b.Length) >= 0 ? b[i - (rank - b.Length)] : 1;
            result[i] = da == db || db == 1 ? da : da == 1 ? db
                : throw new InvalidDataException($"Node '{node.Name}': shapes [{string.Join(',', a)}] and [{string.Join(',', b)}] do not broadcast.");
        }
        return result;
    }
}
