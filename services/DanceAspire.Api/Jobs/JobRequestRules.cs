using System.Text.Json;
using DanceAspire.Jobs;

namespace DanceAspire.Api.Jobs;

/// <summary>What a request to create a job must satisfy; pure, so the rules are tested on their own.</summary>
internal static class JobRequestRules
{
    public const int MinPriority = -10;
    public const int MaxPriority = 10;
    public const int MaxPayloadBytes = 64 * 1024;
    public const int MaxIdempotencyKeyLength = 200;

    /// <summary>Errors by field name (empty when the request is valid), in ValidationProblem's shape.</summary>
    public static Dictionary<string, string[]> Validate(CreateJobRequest request, string? idempotencyKey)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Kind))
        {
            errors["kind"] = ["kind names the kind of job to create."];
        }
        if (PayloadError(request.Payload) is { } payloadError)
        {
            errors["payload"] = [payloadError];
        }
        if (request.Priority is < MinPriority or > MaxPriority)
        {
            errors["priority"] = [$"priority is from {MinPriority} to {MaxPriority} (higher runs first)."];
        }
        if (IdempotencyKeyError(idempotencyKey) is { } keyError)
        {
            errors["Idempotency-Key"] = [keyError];
        }
        return errors;
    }

    public static string? PayloadError(JsonElement? payload)
    {
        if (payload is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            return $"payload is a JSON object, not {element.ValueKind.ToString().ToLowerInvariant()}.";
        }
        if (element.GetRawText().Length > MaxPayloadBytes)
        {
            return $"payload is at most {MaxPayloadBytes / 1024} KiB of JSON.";
        }
        // PostgreSQL's jsonb cannot store the NUL character.
        return ContainsNul(element) ? "payload cannot contain the NUL character (\\u0000)." : null;
    }

    public static string? IdempotencyKeyError(string? key) => key switch
    {
        null => null,
        _ when string.IsNullOrWhiteSpace(key) => "The Idempotency-Key header, when sent, is not blank.",
        { Length: > MaxIdempotencyKeyLength } => $"The Idempotency-Key header has at most {MaxIdempotencyKeyLength} characters.",
        _ => null,
    };

    /// <summary>The payload as stored: the object's JSON, or <c>{}</c> when none was sent.</summary>
    public static string PayloadJson(JsonElement? payload) =>
        payload is { ValueKind: JsonValueKind.Object } element ? element.GetRawText() : "{}";

    /// <summary>The kinds users may create, from configuration <c>Jobs:Kinds:&lt;kind&gt;:Public</c>.</summary>
    public static IReadOnlyList<string> PublicKinds(JobsOptions jobs) =>
        jobs.Kinds.Where(k => k.Value.Public).Select(k => k.Key).Order(StringComparer.Ordinal).ToList();

    private static bool ContainsNul(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Any(p => p.Name.Contains('\0') || ContainsNul(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(ContainsNul),
        JsonValueKind.String => element.GetString()!.Contains('\0'),
        _ => false,
    };
}
