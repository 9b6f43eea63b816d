using DanceAspire.Data;
using DanceAspire.Api.Data;

namespace DanceAspire.Api;

public static class ApiServiceExtensions
{
    /// <summary>The api's own registrations: its resources' clients, the schema migrator, ProblemDetails, OpenAPI.</summary>
    public static IHostApplicationBuilder AddApiServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<DanceDbContext>("dancedb", DanceDbContext.Configure);
        builder.AddRedisClient("redis");
        builder.AddAzureBlobClient("blobs");

        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsForStatusCodes.AddDetail);
        builder.Services.AddOpenApi();
        return builder;
    }
}
