using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DanceAspire.Choreography.Blueprints;

namespace DanceAspire.Choreography.Tests;

public class BlueprintSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(BlueprintSchema.Json).RootElement;

    [Fact]
    public void The_schema_is_json_schema_draft_2020_12()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema.GetProperty("$schema").GetString());
    }

    public static TheoryData<string, string> Objects => new()
    {
        { nameof(Blueprint), "" },
        { nameof(BlueprintAudio), "audio" },
        { nameof(BlueprintMove), "move" },
        { nameof(OutputConfig), "output_config" },
    };

    [Theory]
    [MemberData(nameof(Objects))]
    public void The_schema_lists_exactly_the_properties_the_record_serializes_and_requires_them_all(string record, string definition)
    {
        var type = typeof(Blueprint).Assembly.GetType($"DanceAspire.Choreography.Blueprints.{record}")!;
        var serialized = BlueprintJsonContext.Default.GetTypeInfo(type)!.Properties.Select(p => p.Name).Order().ToList();
        var node = definition.Length == 0 ? Schema : Schema.GetProperty("$defs").GetProperty(definition);

        var described = node.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToList();
        var required = node.GetProperty("required").EnumerateArray().Select(p => p.GetString()!).Order().ToList();

        Assert.Equal(serialized, described);
        Assert.Equal(serialized, required);
        Assert.False(node.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void The_schema_lists_the_same_transitions_the_records_serialize()
    {
        var inSchema = Schema.GetProperty("$defs").GetProperty("move").GetProperty("properties")
            .GetProperty("transition_type").GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        var serialized = Enum.GetValues<TransitionType>()
            .Select(t => JsonSerializer.Serialize(t, BlueprintJsonContext.Default.TransitionType).Trim('"'));

        Assert.Equal(serialized, inSchema);
    }

    [Fact]
    public void The_schema_states_the_current_schema_version()
    {
        var version = Schema.GetProperty("properties").GetProperty("schema_version").GetProperty("const").GetInt32();
        Assert.Equal(Blueprint.CurrentSchemaVersion, version);
    }
}
