using System.Text;
using System.Text.Json;

namespace DanceAspire.ModelConverter.Tfjs;

/// <summary>The <c>attr</c> map of a GraphDef node as TFJS writes it (protobuf JSON: int64 as strings, bytes as base64).</summary>
internal readonly struct TfAttributes(JsonElement attributes)
{
    public bool Has(string name) => attributes.ValueKind == JsonValueKind.Object && attributes.TryGetProperty(name, out _);

    public long Int(string name, long fallback = 0) =>
        TryGet(name, out var value) && value.TryGetProperty("i", out var i) ? ParseInt(i) : fallback;

    public bool Bool(string name, bool fallback = false) =>
        TryGet(name, out var value) && value.TryGetProperty("b", out var b) ? b.GetBoolean() : fallback;

    public float Float(string name, float fallback = 0) =>
        TryGet(name, out var value) && value.TryGetProperty("f", out var f) ? f.GetSingle() : fallback;

    public string String(string name, string fallback = "") =>
        TryGet(name, out var value) && value.TryGetProperty("s", out var s) ? Encoding.UTF8.GetString(s.GetBytesFromBase64()) : fallback;

    public IReadOnlyList<long> Ints(string name) =>
        TryGet(name, out var value) && value.TryGetProperty("list", out var list) && list.TryGetProperty("i", out var items)
            ? items.EnumerateArray().Select(ParseInt).ToList()
            : [];

    public IReadOnlyList<string> Strings(string name) =>
        TryGet(name, out var value) && value.TryGetProperty("list", out var list) && list.TryGetProperty("s", out var items)
            ? items.EnumerateArray().Select(item => Encoding.UTF8.GetString(item.GetBytesFromBase64())).ToList()
            : [];

    /// <summary>A <c>type</c> attribute such as <c>DT_FLOAT</c>.</summary>
    public TensorType Type(string name) =>
        TryGet(name, out var value) && value.TryGetProperty("type", out var type)
            ? TensorTypes.FromTensorFlow(type.GetString()!)
            : throw new InvalidDataException($"Attribute '{name}' has no type.");

    /// <summary>A <c>shape</c> attribute; unknown sizes (-1) stay -1.</summary>
    public int[] Shape(string name) =>
        TryGet(name, out var value) && value.TryGetProperty("shape", out var shape)
            ? shape.TryGetProperty("dim", out var dims) ? dims.EnumerateArray().Select(dim => (int)ParseInt(dim.GetProperty("size"))).ToArray() : []
            : throw new InvalidDataException($"Attribute '{name}' has no shape.");

    private bool TryGet(string name, out JsonElement value)
    {
        value = default;
        return attributes.ValueKind == JsonValueKind.Object && attributes.TryGetProperty(name, out value);
    }

    private static long ParseInt(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : value.GetInt64();
}
