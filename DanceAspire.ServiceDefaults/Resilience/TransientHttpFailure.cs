using System.Net;
using System.Net.Http.Json;
using Polly;
using Polly.Timeout;

namespace DanceAspire.ServiceDefaults.Resilience;

/// <summary>Which outcomes are worth another attempt, and which requests can safely be sent again.</summary>
public static class TransientHttpFailure
{
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => IsTransient(response.StatusCode),
        _ => false,
    };

    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>
    /// A request can be resent when its body (if any) can be produced again: buffered bytes or a
    /// value serialized on each send. A stream may already have been consumed by the failed attempt.
    /// </summary>
    public static bool CanResend(HttpRequestMessage request) => request.Content is null || IsReplayable(request.Content);

    private static bool IsReplayable(HttpContent content) => content switch
    {
        ByteArrayContent or ReadOnlyMemoryContent or JsonContent => true, // StringContent and form content are byte arrays
        MultipartContent parts => parts.All(IsReplayable),
        _ => false,
    };
}
