using System.Text.Json;

namespace DanceAspire.ModelConverter.Tfjs;

/// <summary>One node of the TensorFlow GraphDef that a TFJS graph model carries.</summary>
internal sealed record TfNode(string Name, string Op, IReadOnlyList<string> Inputs, TfAttributes Attributes);

/// <summary>A tensor of the model's signature: its key (the public name) and the graph tensor it refers to.</summary>
internal sealed record TfSignatureTensor(string Key, string TensorName);

/// <summary>A weight, decoded to float32 or int32 (TFJS stores float weights as float16 or quantized integers).</summary>
internal sealed record TfWeight(string Name, TensorType Type, int[] Shape, float[]? Floats, int[]? Ints);

/// <summary>A TensorFlow.js graph model: the graph, its signature and its decoded weights.</summary>
internal sealed record TfjsGraphModel(
    IReadOnlyList<TfNode> Nodes,
    IReadOnlyList<TfSignatureTensor> Inputs,
    IReadOnlyList<TfSignatureTensor> Outputs,
    IReadOnlyDictionary<string, TfWeight> Weights)
{
    /// <summary>Reads model.json and the weight files it names (paths relative to model.json).</summary>
    public static TfjsGraphModel Load(string modelJsonPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(modelJsonPath))!;
        using var document = JsonDocument.Parse(File.ReadAllBytes(modelJsonPath));
        return Parse(document.RootElement, path => File.ReadAllBytes(Path.Combine(directory, path)));
    }

    /// <summary>Parses a model.json document; <paramref name="readWeightFile"/> returns the bytes of a weight file by its manifest path.</summary>
    public static TfjsGraphModel Parse(JsonElement root, Func<string, byte[]> readWeightFile)
    {
        if (root.TryGetProperty("format", out var format) && format.GetString() != "graph-model")
            throw new NotSupportedException($"Only TFJS graph models are supported, not '{format.GetString()}'.");

        var topology = root.GetProperty("modelTopology");
        var nodes = topology.GetProperty("node").EnumerateArray().Select(ParseNode).ToList();

        var signature = root.GetProperty("signature");
        var inputs = ParseSignature(signature.GetProperty("inputs"));
        var outputs = ParseSignature(signature.GetProperty("outputs"));

        var weights = new Dictionary<string, TfWeight>(StringComparer.Ordinal);
        foreach (var group in root.GetProperty("weightsManifest").EnumerateArray())
        {
            var bytes = group.GetProperty("paths").EnumerateArray()
                .SelectMany(path => readWeightFile(path.GetString()!)).ToArray();
            foreach (var weight in WeightDecoder.Decode(group.GetProperty("weights"), bytes))
                weights.Add(weight.Name, weight);
        }
        return new TfjsGraphModel(nodes, inputs, outputs, weights);
    }

    private static TfNode ParseNode(JsonElement node)
    {
        var inputs = node.TryGetProperty("input", out var list)
            ? list.EnumerateArray().Select(input => input.GetString()!).Where(input => !input.StartsWith('^')).ToList()
            : [];
        var attributes = node.TryGetProperty("attr", out var attr) ? attr.Clone() : default;
        return new TfNode(node.GetProperty("name").GetString()!, node.GetProperty("op").GetString()!, inputs, new TfAttributes(attributes));
    }

    // Graph outputs are ordered by tensor name (Identity, Identity_1, ...) so every model of a family lists them alike.
    private static List<TfSignatureTensor> ParseSignature(JsonElement tensors) =>
        tensors.EnumerateObject()
            .Select(entry => new TfSignatureTensor(entry.Name, entry.Value.GetProperty("name").GetString()!))
            .OrderBy(tensor => tensor.TensorName, StringComparer.Ordinal)
            .ToList();
}
