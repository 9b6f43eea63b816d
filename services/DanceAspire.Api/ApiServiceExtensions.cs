using DanceAspire.Api.Accounts;
using DanceAspire.Api.Analyses;
using DanceAspire.Api.Data;
using DanceAspire.Api.Jobs;
using DanceAspire.Api.Uploads;
using DanceAspire.Api.Choreographies;
using DanceAspire.Api.Moves;
using DanceAspire.Choreography.Descriptions;
using DanceAspire.Api.OpenApi;
using DanceAspire.Api.Songs;
using DanceAspire.Data;
using DanceAspire.Jobs;
using DanceAspire.Media;

namespace DanceAspire.Api;

public static class ApiServiceExtensions
{
    /// <summary>
    /// The api's own registrations: its resources' clients, the schema migrator, token authentication,
    /// the job services, ProblemDetails for every failure, OpenAPI.
    /// </summary>
    public static IHostApplicationBuilder AddApiServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<DanceDbContext>("dancedb", DanceDbContext.Configure);
        builder.AddRedisClient("redis");
        builder.AddAzureBlobClient("blobs");

        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.AddTokenAuthentication();

        builder.Services.Configure<JobsOptions>(builder.Configuration.GetSection(JobsOptions.Section));
        builder.Services.AddScoped<JobCreator>();
        builder.Services.AddScoped<JobWatcher>();

        builder.Services.Configure<AnalysesOptions>(builder.Configuration.GetSection(AnalysesOptions.Section));
        // The video limits live in the Analyses section beside the api's own upload settings; song limits in Songs.
        builder.Services.AddMedia(builder.Configuration.GetSection(AnalysesOptions.Section), builder.Configuration.GetSection("Songs"));
        builder.Services.AddSingleton<UploadInspector>();
        builder.Services.AddScoped<UploadSubmitter>();
        builder.Services.AddHostedService<UploadSweeper>();
        builder.Services.AddSingleton<AnalysisStorage>();
        builder.Services.AddScoped<AnalysisSubmitter>();
        builder.Services.AddSingleton<SongStorage>();
        builder.Services.AddScoped<SongSubmitter>();
        builder.Services.AddSingleton<MoveStorage>();
        builder.Services.AddSingleton<MoveLibrary>();
        builder.Services.AddHostedService<MoveImporter>();
        builder.Services.AddSingleton<ChoreographyStorage>();
        builder.Services.AddScoped<ChoreographyMaker>();
        builder.Services.AddScoped<ChoreographyViews>();
        // The built-in parser unless Choreography:Llm:BaseUrl names an OpenAI-compatible chat endpoint.
        builder.Services.Configure<ChoreographyLlmOptions>(builder.Configuration.GetSection(ChoreographyLlmOptions.SectionName));
        builder.Services.AddHttpClient<IDescriptionInterpreter, OpenAiDescriptionInterpreter>();

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsForStatusCodes.AddDetail);
        // Binding failures throw, so BadRequestExceptionHandler can say what was wrong (by default only Development does).
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();

        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecurityTransformer>();
            options.AddOperationTransformer<BearerSecurityTransformer>();
            options.AddSchemaTransformer<SnakeCaseResultsTransformer>();
        });
        return builder;
    }
}
