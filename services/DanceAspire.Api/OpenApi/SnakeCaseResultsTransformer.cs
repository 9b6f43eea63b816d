using System.Text.Json;
using DanceAspire.Analysis.Results;
using DanceAspire.Choreography.Blueprints;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DanceAspire.Api.OpenApi;

/// <summary>
/// The analysis results and blueprints are served as stored, in snake_case (AnalysisJsonContext, BlueprintJsonContext),
/// while the rest of the API is camelCase: the schemas of their types get the names the wire really carries.
/// </summary>
internal sealed class SnakeCaseResultsTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var space = context.JsonTypeInfo.Type.Namespace;
        if ((space != typeof(AnalysisResult).Namespace && space != typeof(Blueprint).Namespace) || schema.Properties is not { Count: > 0 } properties)
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
