using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace DanceAspire.ServiceDefaults.Telemetry;

/// <summary>
/// ASP.NET Core starts a span per request but, without the instrumentation package we lack, leaves
/// it named <c>Microsoft.AspNetCore.Hosting.HttpRequestIn</c> with no attributes. This adds what
/// the instrumentation would: a <c>GET /route</c> name, the HTTP semantic-convention attributes,
/// and an error status for 5xx responses and unhandled exceptions.
/// </summary>
internal sealed class HttpServerSpanEnricher : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(EnrichAsync);
        next(app);
    };

    private static async Task EnrichAsync(HttpContext context, RequestDelegate next)
    {
        var activity = context.Features.Get<IHttpActivityFeature>()?.Activity;
        if (activity is not { IsAllDataRequested: true })
        {
            await next(context);
            return;
        }

        var request = context.Request;
        activity.SetTag("http.request.method", request.Method);
        activity.SetTag("url.scheme", request.Scheme);
        activity.SetTag("url.path", request.Path.Value);
        activity.SetTag("server.address", request.Host.Host);
        activity.SetTag("network.protocol.version", request.Protocol.StartsWith("HTTP/", StringComparison.Ordinal) ? request.Protocol[5..] : request.Protocol);
        try
        {
            await next(context);
        }
        catch (Exception exception)
        {
            activity.AddException(exception);
            activity.SetStatus(ActivityStatusCode.Error, exception.GetType().FullName);
            throw;
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            activity.DisplayName = route is null ? request.Method : $"{request.Method} {route}";
            activity.SetTag("http.route", route);
            activity.SetTag("http.response.status_code", context.Response.StatusCode);
            if (context.Response.StatusCode >= 500)
            {
                activity.SetStatus(ActivityStatusCode.Error);
            }
        }
    }
}
