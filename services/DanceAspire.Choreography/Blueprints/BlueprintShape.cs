using System.Text.Json;

namespace DanceAspire.Choreography.Blueprints;

/// <summary>
/// The first pass of validation: every field present, of its JSON type, and no unknown fields,
/// reported per field path. Done on a JsonDocument because the serializer stops at the first
/// mismatch with a message about .NET types.
/// </summary>
internal static class BlueprintShape
{
    private enum Kind { String, Number, Integer, Boolean, FreeObject, Object, ObjectArray, TransitionType }

    private sealed record Field(string Name, Kind Kind, Field[]? Nested = null);

    private static readonly Field[] Audio = [new("path", Kind.String), new("tempo", Kind.Number), new("duration", Kind.Number)];

    private static readonly Field[] Move =
    [
        new("clip_id", Kind.String), new("video_path", Kind.String), new("start_time", Kind.Number),
        new("duration", Kind.Number), new("transition_type", Kind.TransitionType), new("original_duration", Kind.Number),
        new("trim_start", Kind.Number), new("trim_end", Kind.Number), new("volume_adjustment", Kind.Number),
    ];

    private static readonly Field[] Output =
    [
        new("format", Kind.String), new("video_codec", Kind.String), new("audio_codec", Kind.String),
        new("video_bitrate", Kind.String), new("audio_bitrate", Kind.String), new("frame_rate", Kind.Number),
        new("resolution", Kind.String), new("transition_duration", Kind.Number), new("fade_duration", Kind.Number),
        new("normalize_audio", Kind.Boolean),
    ];

    private static readonly Field[] Root =
    [
        new("schema_version", Kind.Integer), new("task_id", Kind.String), new("audio", Kind.Object, Audio),
        new("moves", Kind.ObjectArray, Move), new("total_duration", Kind.Number), new("difficulty_level", Kind.Integer),
        new("generation_parameters", Kind.FreeObject), new("output_config", Kind.Object, Output),
    ];

    public static readonly string[] TransitionNames = ["cut", "crossfade", "fade_black"];

    public static void Check(JsonElement root, BlueprintLimits limits, List<BlueprintError> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("$", $"must be a JSON object, got {Describe(root)}"));
            return;
        }
        CheckObject(root, Root, "", limits, errors);
    }

    private static void CheckObject(JsonElement obj, Field[] fields, string path, BlueprintLimits limits, List<BlueprintError> errors)
    {
        foreach (var field in fields)
        {
            var fieldPath = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            if (!obj.TryGetProperty(field.Name, out var value))
            {
                errors.Add(new(fieldPath, "is required"));
                continue;
            }
            CheckValue(value, field, fieldPath, limits, errors);
        }
        foreach (var property in obj.EnumerateObject())
        {
            if (!fields.Any(f => f.Name == property.Name))
                errors.Add(new(path.Length == 0 ? property.Name : $"{path}.{property.Name}", "is not a known property"));
        }
    }

    private static void CheckValue(JsonElement value, Field field, string path, BlueprintLimits limits, List<BlueprintError> errors)
    {
        switch (field.Kind)
        {
            case Kind.String when value.ValueKind != JsonValueKind.String:
                errors.Add(new(path, $"must be a string, got {Describe(value)}"));
                break;
            case Kind.Boolean when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
                errors.Add(new(path, $"must be true or false, got {Describe(value)}"));
                break;
            case Kind.Number or Kind.Integer when value.ValueKind != JsonValueKind.Number:
                errors.Add(new(path, $"must be a number, got {Describe(value)}"));
                break;
            case Kind.Number when !double.IsFinite(value.GetDouble()):
                errors.Add(new(path, $"must be a finite number, got {value.GetRawText()}"));
                break;
            case Kind.Integer when !value.TryGetInt32(out _):
                errors.Add(new(path, $"must be an integer, got {value.GetRawText()}"));
                break;
            case Kind.FreeObject when value.ValueKind != JsonValueKind.Object:
                errors.Add(new(path, $"must be an object, got {Describe(value)}"));
                break;
            case Kind.Object:
                if (value.ValueKind != JsonValueKind.Object) errors.Add(new(path, $"must be an object, got {Describe(value)}"));
                else CheckObject(value, field.Nested!, path, limits, errors);
                break;
            case Kind.ObjectArray:
                CheckArray(value, field.Nested!, path, limits, errors);
                break;
            case Kind.TransitionType:
                if (value.ValueKind != JsonValueKind.String)
                    errors.Add(new(path, $"must be a string, got {Describe(value)}"));
                else if (!TransitionNames.Contains(value.GetString()))
                    errors.Add(new(path, $"'{value.GetString()}' is not a transition; expected one of {string.Join(", ", TransitionNames)}"));
                break;
        }
    }

    private static void CheckArray(JsonElement value, Field[] itemFields, string path, BlueprintLimits limits, List<BlueprintError> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(path, $"must be an array, got {Describe(value)}"));
            return;
        }
        var length = value.GetArrayLength();
        if (length > limits.MaxMoves)
        {
            // Checked before the items so a huge list costs one error, not thousands.
            errors.Add(new(path, $"has {length} moves; at most {limits.MaxMoves} are allowed"));
            return;
        }
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object) errors.Add(new(itemPath, $"must be an object, got {Describe(item)}"));
            else CheckObject(item, itemFields, itemPath, limits, errors);
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Truncate(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString(),
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
