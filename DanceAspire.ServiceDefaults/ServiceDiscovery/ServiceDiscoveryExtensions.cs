using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DanceAspire.ServiceDefaults.ServiceDiscovery;

public static class ServiceDiscoveryExtensions
{
    public static IServiceCollection AddServiceDiscovery(this IServiceCollection services)
    {
        services.TryAddSingleton<ServiceEndpointResolver>();
        return services;
    }

    /// <summary>Lets the client address services by name: <c>http://api</c>, <c>https+http://api</c>.</summary>
    public static IHttpClientBuilder AddServiceDiscovery(this IHttpClientBuilder builder)
    {
        builder.Services.AddServiceDiscovery();
        builder.AddHttpMessageHandler(services => new ServiceDiscoveryHandler(services.GetRequiredService<ServiceEndpointResolver>()));
        return builder;
    }
}
