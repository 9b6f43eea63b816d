using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;

namespace DanceAspire.ServiceDefaults.Telemetry;

public static class TracingEndpointConventions
{
    /// <summary>
    /// Drops the request's trace (and, through the parent-based sampler, its children) so frequent
    /// probes such as health checks do not bury real traffic. ASP.NET Core adds no path tag when it
    /// creates the activity, so a sampler cannot see the route; the endpoint itself can.
    /// </summary>
    public static TBuilder ExcludeFromTracing<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var next = endpoint.RequestDelegate;
            if (next is null)
            {
                return;
            }
            endpoint.RequestDelegate = context =>
            {
                if (context.Features.Get<IHttpActivityFeature>()?.Activity is { } activity)
                {
                    activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
                    activity.IsAllDataRequested = false;
                }
                return next(context);
            };
        });
        return builder;
    }
}
