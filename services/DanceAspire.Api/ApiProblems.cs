using Microsoft.AspNetCore.Http.HttpResults;

namespace DanceAspire.Api;

/// <summary>ProblemDetails the endpoints return: a title, a sentence for people, and a machine <c>code</c> extension.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult Problem(int status, string title, string detail, string? code, params (string Name, object? Value)[] extensions)
    {
        var values = new Dictionary<string, object?>();
        if (code is not null) values["code"] = code;
        foreach (var (name, value) in extensions)
        {
            if (value is not null) values[name] = value;
        }
        return TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: values);
    }

    public static ProblemHttpResult NotFound(string what, Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"No {what} {id}.");
}
