using DanceAspire.ServiceDefaults.ServiceDiscovery;
using Microsoft.AspNetCore.HttpOverrides;

namespace DanceAspire.Gateway;

public static class GatewayExtensions
{
    /// <summary>
    /// The gateway's own registrations: the route table (from service discovery), the per-client
    /// rate limit, and forwarded headers trusted from loopback proxies only.
    /// </summary>
    public static TBuilder AddGateway<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.Configure<ForwardedHeadersOptions>(TrustLoopbackProxiesOnly);
        builder.Services.AddPerClientRateLimit(builder.Configuration);

        var endpoints = new ServiceEndpointResolver(builder.Configuration);
        builder.Services.AddReverseProxy().LoadFromMemory(GatewayRoutes.Routes, GatewayRoutes.Clusters(endpoints));
        builder.Services.AddHostedService<RouteTableLogger>();
        return builder;
    }

    // Anyone can send X-Forwarded-*; only a proxy on this machine is believed.
    private static void TrustLoopbackProxiesOnly(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("127.0.0.0/8"));
        options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("::1/128"));
    }
}
