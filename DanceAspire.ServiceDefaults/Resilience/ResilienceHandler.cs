using Polly;

namespace DanceAspire.ServiceDefaults.Resilience;

/// <summary>Runs every request through the standard resilience pipeline of its destination.</summary>
public sealed class ResilienceHandler(HttpResiliencePipelineProvider pipelines) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var pipeline = pipelines.GetPipeline(request.RequestUri);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(HttpResiliencePipelineProvider.RequestKey, request);
        try
        {
            return await pipeline.ExecuteAsync(
                static (context, state) => new ValueTask<HttpResponseMessage>(state.Handler.SendOnceAsync(state.Request, context.CancellationToken)),
                context,
                (Handler: this, Request: request));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
