using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;

namespace DanceAspire.ServiceDefaults.ServiceDiscovery;

/// <summary>
/// Resolves logical service addresses the Aspire way: <c>http://api</c> becomes the endpoint the
/// AppHost configured under <c>services:api:http:0</c> (environment <c>services__api__http__0</c>).
/// <c>https+http://api</c> prefers an https endpoint and falls back to http. Replicas listed under
/// further indexes are used in turn.
/// </summary>
public sealed class ServiceEndpointResolver(IConfiguration configuration)
{
    private int _nextReplica = -1;

    /// <summary>Every endpoint configured for the logical address, in the order of its schemes; empty when the name is unknown.</summary>
    public IReadOnlyList<Uri> GetEndpoints(Uri logicalAddress)
    {
        foreach (var scheme in logicalAddress.Scheme.Split('+', StringSplitOptions.RemoveEmptyEntries))
        {
            var endpoints = configuration.GetSection($"services:{logicalAddress.Host}:{scheme}").GetChildren()
                .OrderBy(child => int.TryParse(child.Key, out var index) ? index : int.MaxValue)
                .Select(child => Uri.TryCreate(child.Value, UriKind.Absolute, out var endpoint) ? endpoint : null)
                .OfType<Uri>()
                .ToList();
            if (endpoints.Count > 0)
            {
                return endpoints;
            }
        }
        return [];
    }

    /// <summary>Rewrites a logical request URI onto one configured endpoint, keeping path and query.</summary>
    public bool TryResolve(Uri requestUri, [NotNullWhen(true)] out Uri? resolved)
    {
        resolved = null;
        if (!requestUri.IsAbsoluteUri)
        {
            return false;
        }

        var endpoints = GetEndpoints(requestUri);
        if (endpoints.Count == 0)
        {
            return false;
        }

        var endpoint = endpoints.Count == 1
            ? endpoints[0]
            : endpoints[(int)((uint)Interlocked.Increment(ref _nextReplica) % (uint)endpoints.Count)];
        var builder = new UriBuilder(requestUri) { Scheme = endpoint.Scheme, Host = endpoint.Host, Port = endpoint.Port };
        if (endpoint.AbsolutePath != "/")
        {
            builder.Path = endpoint.AbsolutePath.TrimEnd('/') + requestUri.AbsolutePath;
        }
        resolved = builder.Uri;
        return true;
    }
}
