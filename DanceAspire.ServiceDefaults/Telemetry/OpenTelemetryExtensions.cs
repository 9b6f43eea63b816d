using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DanceAspire.ServiceDefaults.Telemetry;

/// <summary>
/// Logs, traces and metrics over OTLP. OpenTelemetry.Extensions.Hosting and the instrumentation
/// packages are not available to us, so the providers are built with the SDK directly and listen
/// to the ActivitySources and Meters that .NET itself emits.
/// </summary>
public static class OpenTelemetryExtensions
{
    /// <summary>Every DanceAspire library names its ActivitySource and Meter under this prefix.</summary>
    public const string DanceAspireSources = "DanceAspire.*";

    private static readonly string[] FrameworkSources = ["Microsoft.AspNetCore", "System.Net.Http", "Npgsql"];

    private static readonly string[] FrameworkMeters =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime"];

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var configuration = builder.Configuration;
        var applicationName = builder.Environment.ApplicationName;
        var exportOtlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        string[] ownSources = string.IsNullOrWhiteSpace(applicationName) ? [DanceAspireSources] : [applicationName, DanceAspireSources];

        // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES are read by the SDK's default resource;
        // the application name stands in only when the host did not name the service.
        void ConfigureResource(ResourceBuilder resource)
        {
            if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]) && !string.IsNullOrWhiteSpace(applicationName))
            {
                resource.AddService(applicationName);
            }
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            if (exportOtlp)
            {
                logging.AddOtlpExporter(o => UseHttpProtobufByDefault(o, configuration));
            }
        });
        builder.Services.ConfigureOpenTelemetryLoggerProvider(logs => logs.ConfigureResource(ConfigureResource));

        builder.Services.AddSingleton(_ =>
        {
            var tracing = Sdk.CreateTracerProviderBuilder()
                .ConfigureServices(services => services.AddSingleton<IConfiguration>(configuration))
                .ConfigureResource(ConfigureResource)
                .AddSource(FrameworkSources)
                .AddSource(ownSources);
            if (exportOtlp)
            {
                tracing.AddOtlpExporter(o => UseHttpProtobufByDefault(o, configuration));
            }
            return tracing.Build();
        });

        builder.Services.AddSingleton(_ =>
        {
            var metrics = Sdk.CreateMeterProviderBuilder()
                .ConfigureServices(services => services.AddSingleton<IConfiguration>(configuration))
                .ConfigureResource(ConfigureResource)
                .AddMeter(FrameworkMeters)
                .AddMeter(ownSources);
            if (exportOtlp)
            {
                metrics.AddOtlpExporter(o => UseHttpProtobufByDefault(o, configuration));
            }
            return metrics.Build();
        });

        builder.Services.AddHostedService<TelemetryProviderActivator>();
        builder.Services.AddTransient<IStartupFilter, HttpServerSpanEnricher>();
        return builder;
    }

    // Our dashboard speaks OTLP over HTTP only; the SDK's default would be gRPC.
    private static void UseHttpProtobufByDefault(OtlpExporterOptions options, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]))
        {
            options.Protocol = OtlpExportProtocol.HttpProtobuf;
        }
    }
}
