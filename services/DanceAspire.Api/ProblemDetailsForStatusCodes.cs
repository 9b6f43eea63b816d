namespace DanceAspire.Api;

/// <summary>Gives the bare status-code responses (no route, wrong method, no permission) a detail that says what went wrong.</summary>
internal static class ProblemDetailsForStatusCodes
{
    public static void AddDetail(ProblemDetailsContext context)
    {
        var request = context.HttpContext.Request;
        context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
        {
            StatusCodes.Status403Forbidden => $"Your account may not use {request.Method} {request.Path}.",
            StatusCodes.Status404NotFound => $"No resource at {request.Path}.",
            StatusCodes.Status405MethodNotAllowed =>
                $"{request.Method} is not allowed on {request.Path}; allowed: {context.HttpContext.Response.Headers.Allow}.",
            StatusCodes.Status415UnsupportedMediaType => $"{request.Path} takes a JSON body (Content-Type: application/json).",
            _ => null,
        };
    }
}
