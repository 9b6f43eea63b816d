using Microsoft.Extensions.DependencyInjection;

namespace DanceAspire.ServiceDefaults.Resilience;

public static class ResilienceExtensions
{
    /// <summary>
    /// Adds the standard pipeline (total timeout, retry with exponential back-off and jitter,
    /// circuit breaker, attempt timeout), configured from <see cref="HttpResilienceOptions.SectionName"/>.
    /// </summary>
    public static IHttpClientBuilder AddStandardResilienceHandler(this IHttpClientBuilder builder)
    {
        if (!builder.Services.Any(service => service.ServiceType == typeof(HttpResiliencePipelineProvider)))
        {
            builder.Services.AddOptions<HttpResilienceOptions>().BindConfiguration(HttpResilienceOptions.SectionName);
            builder.Services.AddSingleton<HttpResiliencePipelineProvider>();
        }
        builder.AddHttpMessageHandler(services => new ResilienceHandler(services.GetRequiredService<HttpResiliencePipelineProvider>()));
        return builder;
    }
}
