using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DanceAspire.ServiceDefaults.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 and a free port that answers every request with one handler and counts them.</summary>
internal sealed class LoopbackService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private LoopbackService(WebApplication app) => _app = app;

    public Uri Address => new(_app.Urls.Single());

    public int Requests => Volatile.Read(ref _requests);

    /// <param name="respond">Receives the 1-based number of the request and answers it.</param>
    public static async Task<LoopbackService> StartAsync(Func<int, HttpContext, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var service = new LoopbackService(app);
        app.Run(context => respond(Interlocked.Increment(ref service._requests), context));
        await app.StartAsync();
        return service;
    }

    public static Task<LoopbackService> StartAsync(Func<int, int> statusCodeForRequest) =>
        StartAsync((request, context) =>
        {
            context.Response.StatusCode = statusCodeForRequest(request);
            return Task.CompletedTask;
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
