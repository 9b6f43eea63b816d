using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DanceAspire.Choreography.Planning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DanceAspire.Choreography.Descriptions;

/// <summary>
/// Interprets a description with an OpenAI-compatible chat model (POST {BaseUrl}/chat/completions,
/// JSON mode). Anything short of a well-formed answer (no endpoint configured, a network error,
/// a timeout, an error status, a reply that is not the hints' JSON) falls back to
/// <see cref="DescriptionParser"/>, so a description always gets an interpretation.
/// </summary>
public sealed partial class OpenAiDescriptionInterpreter(
    HttpClient http,
    IOptions<ChoreographyLlmOptions> options,
    ILogger<OpenAiDescriptionInterpreter> logger) : IDescriptionInterpreter
{
    internal const string SystemPrompt =
        """
        You turn a request for a dance choreography into parameters. Reply with exactly one JSON object with these keys and nothing else:
        "difficulty": an integer 1-5 (1 beginner, 2 easy, 3 intermediate, 4 advanced, 5 expert),
        "energy": "low", "medium" or "high",
        "style": the dance style as one lower-case word without spaces or hyphens, e.g. "hiphop", "kpop", "salsa", "ballet", "house", "jazz", "contemporary", "breaking",
        "tempo_bpm": a number of beats per minute,
        "song_title": the title of the song the request names, as written,
        "duration_seconds": the requested length in seconds.
        Use null for anything the request does not say. Do not guess.
        """;

    public async Task<ChoreographyHints> InterpretAsync(string description, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.BaseUrl) || string.IsNullOrWhiteSpace(description))
            return DescriptionParser.Parse(description);

        var endpoint = settings.BaseUrl.TrimEnd('/') + "/chat/completions";
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.Timeout);
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = new StringContent(RequestBody(settings.Model, description), Encoding.UTF8, "application/json"),
            };
            if (!string.IsNullOrEmpty(settings.ApiKey))
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);

            using var response = await http.SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
                return Fallback(description, endpoint, $"status {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return ReadReply(body) is { } hints ? hints : Fallback(description, endpoint, "the reply was not the hints' JSON object");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InvalidOperationException or UriFormatException or JsonException)
        {
            // InvalidOperationException and UriFormatException: a BaseUrl that is not an absolute http(s) URL.
            return Fallback(description, endpoint, e.GetType().Name + ": " + e.Message);
        }
    }

    private ChoreographyHints Fallback(string description, string endpoint, string reason)
    {
        LogFallback(endpoint, reason);
        return DescriptionParser.Parse(description);
    }

    private static string RequestBody(string model, string description) => new JsonObject
    {
        ["model"] = model,
        ["temperature"] = 0,
        ["response_format"] = new JsonObject { ["type"] = "json_object" },
        ["messages"] = new JsonArray(
            new JsonObject { ["role"] = "system", ["content"] = SystemPrompt },
            new JsonObject { ["role"] = "user", ["content"] = description }),
    }.ToJsonString();

    /// <summary>The hints in a chat completion, or null when the reply does not hold a JSON object of them.</summary>
    internal static ChoreographyHints? ReadReply(string body)
    {
        using var completion = JsonDocument.Parse(body);
        if (completion.RootElement.ValueKind != JsonValueKind.Object
            || !completion.RootElement.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0
            || !choices[0].TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object
            || !message.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.String)
            return null;
        return ReadHints(content.GetString()!);
    }

    /// <summary>
    /// The hints from the model's JSON. Each field is checked on its own: one out of range or of the
    /// wrong kind becomes null rather than spoiling the rest; words where numbers belong are read
    /// by the built-in parser's rules.
    /// </summary>
    internal static ChoreographyHints? ReadHints(string json)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json); }
        catch (JsonException) { return null; }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            return new ChoreographyHints(
                Difficulty: Number(root, "difficulty") is { } d && d == Math.Round(d) && d is >= 1 and <= 5 ? (int)d
                    : Text(root, "difficulty") is { } dText ? DescriptionParser.Parse(dText).Difficulty : null,
                Energy: Text(root, "energy") is { } energy ? ParseEnergy(energy) : null,
                Style: Text(root, "style") is { } style ? DescriptionParser.RecognizeStyle(style) ?? NullIfEmpty(StyleTag.Normalize(style)) : null,
                TempoBpm: Number(root, "tempo_bpm") is { } bpm and >= ChoreographyHints.MinTempo and <= ChoreographyHints.MaxTempo ? bpm : null,
                SongTitle: Text(root, "song_title") is { Length: <= 200 } title ? title : null,
                DurationSeconds: Number(root, "duration_seconds") is { } seconds and >= ChoreographyHints.MinDuration and <= ChoreographyHints.MaxDuration ? seconds : null);
        }
    }

    private static EnergyLevel? ParseEnergy(string text) => text.Trim().ToLowerInvariant() switch
    {
        "low" => EnergyLevel.Low,
        "medium" => EnergyLevel.Medium,
        "high" => EnergyLevel.High,
        _ => DescriptionParser.Parse(text).Energy,
    };

    private static double? Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var n) && double.IsFinite(n) ? n : null;

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? NullIfEmpty(value.GetString()!.Trim()) : null;

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model at {Endpoint} gave no usable interpretation ({Reason}); using the built-in parser")]
    private partial void LogFallback(string endpoint, string reason);
}
