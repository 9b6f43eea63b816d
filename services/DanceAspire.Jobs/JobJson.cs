using System.Text.Json;
using System.Text.Json.Serialization;

namespace DanceAspire.Jobs;

/// <summary>The JSON of <see cref="JobUpdate"/> on <see cref="JobKeys.UpdatesChannel"/> (web casing: jobId, sequence, state...).</summary>
public static class JobJson
{
    public static string Serialize(JobUpdate update) => JsonSerializer.Serialize(update, JobJsonContext.Default.JobUpdate);

    public static JobUpdate? DeserializeUpdate(string json) => JsonSerializer.Deserialize(json, JobJsonContext.Default.JobUpdate);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(JobUpdate))]
internal sealed partial class JobJsonContext : JsonSerializerContext;
