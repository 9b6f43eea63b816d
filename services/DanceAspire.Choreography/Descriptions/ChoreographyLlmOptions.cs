namespace DanceAspire.Choreography.Descriptions;

/// <summary>
/// The OpenAI-compatible chat endpoint that may interpret descriptions; bound from the
/// configuration section <see cref="SectionName"/>. With no <see cref="BaseUrl"/> the built-in parser is used.
/// </summary>
public sealed record ChoreographyLlmOptions
{
    public const string SectionName = "Choreography:Llm";

    /// <summary>The API root, e.g. "https://api.openai.com/v1"; "/chat/completions" is appended.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Sent as a bearer token when set.</summary>
    public string? ApiKey { get; set; }

    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>How long to wait for the model before falling back to the built-in parser.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
}
