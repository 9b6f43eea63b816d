using DanceAspire.ModelConverter.Onnx;
using DanceAspire.ModelConverter.Tfjs;

namespace DanceAspire.ModelConverter.Conversion;

// Ops that move, select or resize data. Shapes are static, so constant shape arithmetic is folded here and
// ONNX gets int64 initializers where it wants shapes, axes and indices.
internal sealed partial class GraphConverter
{
    private bool TryConvertShapeOp(TfNode node)
    {
        switch (node.Op)
        {
            case "Reshape": Reshape(node); return true;
            case "ExpandDims": ExpandDims(node); return true;
            case "Squeeze": Squeeze(node); return true;
            case "Pack": Pack(node); return true;
            case "Unpack": Unpack(node); return true;
            case "ConcatV2": Concat(node); return true;
            case "GatherNd": GatherNd(node); return true;
            case "Shape": Shape(node); return true;
            case "StridedSlice": StridedSlice(node); return true;
            case "Pad": Pad(node); return true;
            case "ResizeBilinear": ResizeBilinear(node); return true;
            case "ArgMax": ArgMax(node); return true;
            default: return false;
        }
    }

    private void Reshape(TfNode node)
    {
        var x = Input(node, 0);
        var requested = Input(node, 1).IntValues($"Node '{node.Name}': the target shape");
        var known = requested.Where(dim => dim >= 0).Aggregate(1, (product, dim) => product * dim);
        var shape = requested.Select(dim => dim < 0 ? x.ElementCount / known : dim).ToArray();
        if (shape.Aggregate(1, (product, dim) => product * dim) != x.ElementCount)
            throw new InvalidDataException($"Node '{node.Name}': cannot reshape [{string.Join(',', x.Shape)}] to [{string.Join(',', requested)}].");
        if (x.IsConstant) { Define(node, x.Reshaped(node.Name, shape)); return; }
        var target = Int64Initializer(node.Name + "/shape", shape.Select(dim => (long)dim).ToArray());
        DefineTensor(node, _onnx.Add("Reshape", node.Name, [Use(x), target]), x.Type, shape);
    }

    private void ExpandDims(TfNode node)
    {
        var x = Input(node, 0);
        var axis = NormalizeAxis(Input(node, 1).IntValues($"Node '{node.Name}': the axis")[0], x.Rank + 1);
        var shape = x.Shape.Take(axis).Append(1).Concat(x.Shape.Skip(axis)).ToArray();
        if (x.IsConstant) { Define(node, x.Reshaped(node.Name, shape)); return; }
        DefineTensor(node, Unsqueeze(node.Name, Use(x), axis), x.Type, shape);
    }

    private void Squeeze(TfNode node)
    {
        var x = Input(node, 0);
        var requested = node.Attributes.Ints("squeeze_dims");
        var axes = requested.Count > 0
            ? requested.Select(axis => NormalizeAxis(axis, x.Rank)).Order().ToArray()
            : Enumerable.Range(0, x.Rank).Where(axis => x.Shape[axis] == 1).ToArray();
        var shape = x.Shape.Where((_, axis) => !axes.Contains(axis)).ToArray();
        if (x.IsConstant) { Define(node, x.Reshaped(node.Name, shape)); return; }
        var axesName = Int64Initializer(node.Name + "/axes", axes.Select(axis => (long)axis).ToArray());
        DefineTensor(node, _onnx.Add("Squeeze", node.Name, [Use(x), axesName]), x.Type, shape);
    }

    private void Pack(TfNode node)
    {
        var parts = node.Inputs.Select(Value).ToList();
        var first = parts[0];
        var axis = NormalizeAxis(node.Attributes.Int("axis"), first.Rank + 1);
        var shape = first.Shape.Take(axis).Append(parts.Count).Concat(first.Shape.Skip(axis)).ToArray();
        // Shapes assembled from constants (Reshape targets) fold to a constant.
        if (axis == 0 && parts.All(part => part.Ints is not null))
        {
            Define(node, GraphValue.Constant(node.Name, shape, parts.SelectMany(part => part.Ints!).ToArray()));
            return;
        }
        var expanded = parts.Select((part, i) => Unsqueeze($"{node.Name}/part{i}", Use(part), axis)).ToList();
        DefineTensor(node, _onnx.Add("Concat", node.Name, expanded, new OnnxAttribute.Int("axis", axis)), first.Type, shape);
    }

    private void Unpack(TfNode node)
    {
        var x = Input(node, 0);
        var axis = NormalizeAxis(node.Attributes.Int("axis"), x.Rank);
        var count = x.Shape[axis];
        var shape = x.Shape.Where((_, i) => i != axis).ToArray();
        var axesName = Int64Initializer(node.Name + "/axes", axis);
        var pieces = count == 1
            ? [Use(x)]
            : _onnx.AddNode("Split", node.Name + "/split", [Use(x)], Enumerable.Range(0, count).Select(i => $"{node.Name}/split{i}").ToList(),
                new OnnxAttribute.Int("axis", axis));
        for (var i = 0; i < count; i++)
            DefineTensor(node, _onnx.Add("Squeeze", i == 0 ? node.Name : $"{node.Name}:{i}", [pieces[i], axesName]), x.Type, shape, i);
    }

    private void Concat(TfNode node)
    {
        var parts = node.Inputs.Take(node.Inputs.Count - 1).Select(Value).ToList();
        var first = parts[0];
        var axis = NormalizeAxis(Value(node.Inputs[^1]).IntValues($"Node '{node.Name}': the axis")[0], first.Rank);
        var shape = (int[])first.Shape.Clone();
        shape[axis] = parts.Sum(part => part.Shape[axis]);
        DefineTensor(node, _onnx.Add("Concat", node.Name, parts.Select(Use).ToList(), new OnnxAttribute.Int("axis", axis)), first.Type, shape);
    }

    private void GatherNd(TfNode node)
    {
        var (parameters, indices) = (Input(node, 0), Input(node, 1));
        var depth = indices.Shape[^1];
        var shape = indices.Shape[..^1].Concat(parameters.Shape[depth..]).ToArray();
        // ONNX's GatherND takes int64 indices only.
        var indicesName = indices.Ints is not null
            ? _onnx.AddInitializer(node.Name + "/indices", indices.Shape, indices.Ints.Select(index => (long)index).ToArray())
            : _onnx.Add("Cast", node.Name + "/indices", [Use(indices)], new OnnxAttribute.Int("to", (long)TensorType.Int64));
        DefineTensor(node, _onnx.Add("GatherND", node.Name, [Use(parameters), indicesName]), parameters.Type, shape);
    }

    private void Shape(TfNode node)
    {
        var x = Input(node, 0);
        if (node.Attributes.Has("out_type") && node.Attributes.Type("out_type") != TensorType.Int32)
            throw new NotSupportedException($"Node '{node.Name}': only int32 shapes are supported.");
        Define(node, GraphValue.Constant(node.Name, [x.Rank], (int[])x.Shape.Clone()));
    }

    // Only the form the models use: slicing a constant vector (a folded shape), with begin/end masks and shrinking.
    private void StridedSlice(TfNode node)
    {
        var x = Input(node, 0);
        var what = $"Node '{node.Name}'";
        if (x.Ints is null || x.Rank != 1) throw new NotSupportedException($"{what}: StridedSlice is supported on constant vectors only.");
        var attributes = node.Attributes;
        if (attributes.Int("ellipsis_mask") != 0 || attributes.Int("new_axis_mask") != 0)
            throw new NotSupportedException($"{what}: ellipsis and new-axis masks are not supported.");
        var (begin, end, stride) = (Input(node, 1).IntValues(what)[0], Input(node, 2).IntValues(what)[0], Input(node, 3).IntValues(what)[0]);
        var length = x.Shape[0];
        if (stride <= 0) throw new NotSupportedException($"{what}: only positive strides are supported.");
        begin = (attributes.Int("begin_mask") & 1) != 0 ? 0 : Math.Clamp(begin < 0 ? begin + length : begin, 0, length);
        end = (attributes.Int("end_mask") & 1) != 0 ? length : Math.Clamp(end < 0 ? end + length : end, 0, length);
        if ((attributes.Int("shrink_axis_mask") & 1) != 0)
        {
            Define(node, GraphValue.Constant(node.Name, [], [x.Ints[begin]]));
            return;
        }
        var values = new List<int>();
        for (var i = begin; i < end; i += stride) values.Add(x.Ints[i]);
        Define(node, GraphValue.Constant(node.Name, [values.Count], values.ToArray()));
    }

    private void Pad(TfNode node)
    {
        var x = Input(node, 0);
        var paddings = Input(node, 1).IntValues($"Node '{node.Name}': the paddings");
        var rank = x.Rank;
        // TensorFlow: [[before, after] per axis]; ONNX: all befores, then all afters.
        var pads = Enumerable.Range(0, rank).Select(axis => (long)paddings[2 * axis])
            .Concat(Enumerable.Range(0, rank).Select(axis => (long)paddings[2 * axis + 1])).ToArray();
        var shape = x.Shape.Select((dim, axis) => dim + paddings[2 * axis] + paddings[2 * axis + 1]).ToArray();
        DefineTensor(node, _onnx.Add("Pad", node.Name, [Use(x), Int64Initializer(node.Name + "/pads", pads)], new OnnxAttribute.Text("mode", "constant")), x.Type, shape);
    }

    // ONNX Resize gets the full 4-D output size (N, height, width, C) and no axes attribute: the opset-18 form
    // with axes trips ONNX Runtime's optimizer.
    private void ResizeBilinear(TfNode node)
    {
        var x = Input(node, 0);
        var size = Input(node, 1).IntValues($"Node '{node.Name}': the size");
        int[] shape = [x.Shape[0], size[0], size[1], x.Shape[3]];
        var mode = node.Attributes.Bool("align_corners") ? "align_corners"
            : node.Attributes.Bool("half_pixel_centers") ? "half_pixel"
            : "asymmetric";
        var sizes = Int64Initializer(node.Name + "/sizes", shape.Select(dim => (long)dim).ToArray());
        DefineTensor(node, _onnx.Add("Resize", node.Name, [Use(x), "", "", sizes],
            new OnnxAttribute.Text("mode", "linear"),
            new OnnxAttribute.Text("coordinate_transformation_mode", mode)), x.Type, shape);
    }

    // ONNX's ArgMax returns int64; TensorFlow's output_type (int32 in these models) is restored with a Cast.
    private void ArgMax(TfNode node)
    {
        var x = Input(node, 0);
        var axis = NormalizeAxis(Input(node, 1).IntValues($"Node '{node.Name}': the axis")[0], x.Rank);
        var shape = x.Shape.Where((_, i) => i != axis).ToArray();
        var outputType = node.Attributes.Has("output_type") ? node.Attributes.Type("output_type") : TensorType.Int64;
        var indices = _onnx.Add("ArgMax", outputType == TensorType.Int64 ? node.Name : node.Name + "/int64", [Use(x)],
            new OnnxAttribute.Int("axis", axis), new OnnxAttribute.Int("keepdims", 0));
        if (outputType != TensorType.Int64)
            indices = _onnx.Add("Cast", node.Name, [indices], new OnnxAttribute.Int("to", (long)outputType));
        DefineTensor(node, indices, outputType, shape);
    }

    private string Unsqueeze(string name, string input, int axis) =>
        _onnx.Add("Unsqueeze", name, [input, Int64Initializer(name + "/axes", axis)]);
}
