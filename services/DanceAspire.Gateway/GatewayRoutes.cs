using DanceAspire.ServiceDefaults.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace DanceAspire.Gateway;

/// <summary>
/// The route table: <c>/api/**</c> and the OpenAPI document to the api, everything else to the web app. Destinations come
/// from service discovery (<c>services:api:http:0</c>, <c>services:web:http:0</c>, one per replica).
/// </summary>
public static class GatewayRoutes
{
    /// <summary>
    /// How long a proxied request may go without data either way. Server-Sent Events and
    /// WebSockets sit idle between job updates far longer than YARP's 100 s default.
    /// </summary>
    public static readonly TimeSpan ActivityTimeout = TimeSpan.FromMinutes(10);

    // Larger orders match last: the web app's catch-all yields to /api and to the gateway's own endpoints.
    private const int CatchAllOrder = 1000;

    public static IReadOnlyList<RouteConfig> Routes { get; } =
    [
        Route("api", "api", "/api/{**catch-all}", order: 0),
        Route("openapi", "api", "/openapi/{**catch-all}", order: 0),
        Route("web", "web", "/{**catch-all}", order: CatchAllOrder),
    ];

    public static IReadOnlyList<ClusterConfig> Clusters(ServiceEndpointResolver endpoints) =>
        [Cluster("api", endpoints), Cluster("web", endpoints)];

    private static RouteConfig Route(string routeId, string service, string path, int order) => new()
    {
        RouteId = routeId,
        ClusterId = service,
        Order = order,
        Match = new RouteMatch { Path = path },
        Transforms =
        [
            // YARP's default, stated so that it stays on: X-Forwarded-For/Proto/Host/Prefix to the destination.
            new Dictionary<string, string> { ["X-Forwarded"] = "Set" },
            // What the forwarded-headers middleware replaced is of no use behind the gateway.
            new Dictionary<string, string> { ["RequestHeaderRemove"] = "X-Original-For" },
            new Dictionary<string, string> { ["RequestHeaderRemove"] = "X-Original-Proto" },
            new Dictionary<string, string> { ["RequestHeaderRemove"] = "X-Original-Host" },
        ],
    };

    private static ClusterConfig Cluster(string service, ServiceEndpointResolver endpoints) => new()
    {
        ClusterId = service,
        HttpRequest = new ForwarderRequestConfig { ActivityTimeout = ActivityTimeout },
        Destinations = endpoints.GetEndpoints(new Uri($"http://{service}"))
            .Select((address, replica) => (address, replica))
            .ToDictionary(d => $"{service}/{d.replica}", d => new DestinationConfig { Address = d.address.ToString() }),
    };
}
