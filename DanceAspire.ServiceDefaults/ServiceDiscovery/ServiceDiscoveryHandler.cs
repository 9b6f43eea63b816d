namespace DanceAspire.ServiceDefaults.ServiceDiscovery;

/// <summary>
/// Sends requests addressed to a logical service name (<c>http://api/...</c>) to a configured
/// endpoint. Unknown names pass through untouched. The logical URI is restored afterwards, so a
/// retry resolves again (and may pick another replica).
/// </summary>
public sealed class ServiceDiscoveryHandler(ServiceEndpointResolver resolver) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var logicalUri = request.RequestUri;
        if (logicalUri is null || !resolver.TryResolve(logicalUri, out var resolved))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        request.RequestUri = resolved;
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            request.RequestUri = logicalUri;
        }
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var logicalUri = request.RequestUri;
        if (logicalUri is null || !resolver.TryResolve(logicalUri, out var resolved))
        {
            return base.Send(request, cancellationToken);
        }

        request.RequestUri = resolved;
        try
        {
            return base.Send(request, cancellationToken);
        }
        finally
        {
            request.RequestUri = logicalUri;
        }
    }
}
