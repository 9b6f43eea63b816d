namespace DanceAspire.Choreography.Blueprints;

/// <summary>The committed JSON Schema (draft 2020-12) of <see cref="Blueprint"/>, embedded in this assembly.</summary>
public static class BlueprintSchema
{
    private const string ResourceName = "DanceAspire.Choreography.Blueprints.blueprint.schema.json";

    private static readonly Lazy<string> Text = new(() =>
    {
        using var stream = typeof(BlueprintSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Json => Text.Value;
}
