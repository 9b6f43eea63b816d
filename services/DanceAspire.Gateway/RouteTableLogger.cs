using Yarp.ReverseProxy.Configuration;

namespace DanceAspire.Gateway;

/// <summary>Says at start-up, in one line, where each route goes, and warns about a route with nowhere to go.</summary>
internal sealed partial class RouteTableLogger(IProxyConfigProvider proxyConfig, ILogger<RouteTableLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var config = proxyConfig.GetConfig();
        var destinations = config.Clusters.ToDictionary(
            cluster => cluster.ClusterId,
            cluster => cluster.Destinations is { Count: > 0 } found ? string.Join(", ", found.Values.Select(d => d.Address)) : "no destination");

        var table = config.Routes
            .OrderBy(route => route.Order ?? 0)
            .Select(route => $"{route.Match.Path} -> {route.ClusterId} ({destinations.GetValueOrDefault(route.ClusterId ?? "", "no cluster")})");
        LogRouteTable(logger, string.Join("; ", table));

        foreach (var cluster in config.Clusters.Where(c => c.Destinations is not { Count: > 0 }))
        {
            LogNoDestination(logger, cluster.ClusterId);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway routes: {RouteTable}")]
    private static partial void LogRouteTable(ILogger logger, string routeTable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster {Cluster} has no destination (services:{Cluster}:http:0 is not set); its requests answer 503")]
    private static partial void LogNoDestination(ILogger logger, string cluster);
}
