using System.Text.Json;
using DanceAspire.Analysis.Results;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DanceAspire.Api.OpenApi;

/// <summary>
/// The analysis results are served as stored, in snake_case (AnalysisJsonContext), while the rest of the API is
/// camelCase: the schemas of the results' types get the names the wire really carries.
/// </summary>
internal sealed class SnakeCaseResultsTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type.Namespace != typeof(AnalysisResult).Namespace || schema.Properties is not { Count: > 0 } properties)
        {
            return Task.CompletedTask;
        }
        var renamed = properties.ToDictionary(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Key), p => p.Value);
        properties.Clear();
        foreach (var (name, property) in renamed) properties[name] = property;
        if (schema.Required is { Count: > 0 } required)
        {
            var names = required.Select(JsonNamingPolicy.SnakeCaseLower.ConvertName).ToList();
            required.Clear();
            foreach (var name in names) required.Add(name);
        }
        return Task.CompletedTask;
    }
}
