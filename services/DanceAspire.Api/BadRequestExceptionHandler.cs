using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace DanceAspire.Api;

/// <summary>
/// Turns the requests minimal APIs cannot bind (malformed JSON, a wrong type, a missing body, a
/// parameter that does not parse) into ProblemDetails that say what was wrong, instead of a bare 400.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }
        // JSON errors name the path and position of the problem ("Path: $.email | LineNumber: 0 ...").
        var detail = badRequest.InnerException is JsonException json ? $"{badRequest.Message} {json.Message}" : badRequest.Message;
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = badRequest.StatusCode, Detail = detail },
        });
    }
}
