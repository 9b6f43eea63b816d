using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace DanceAspire.ServiceDefaults.Resilience;

/// <summary>
/// Builds the standard pipeline — total timeout, retry, circuit breaker, attempt timeout, outermost
/// first — once per destination authority (<c>http://api</c>), so a failing service opens only its
/// own breaker and the breaker's state outlives the factory's handler rotation.
/// </summary>
public sealed partial class HttpResiliencePipelineProvider(IOptions<HttpResilienceOptions> options, ILogger<HttpResiliencePipelineProvider> logger)
{
    internal static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("DanceAspire.HttpRequestMessage");

    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.OrdinalIgnoreCase);

    public ResiliencePipeline<HttpResponseMessage> GetPipeline(Uri? requestUri)
    {
        var authority = requestUri is { IsAbsoluteUri: true } ? requestUri.GetLeftPart(UriPartial.Authority) : string.Empty;
        return _pipelines.GetOrAdd(authority, Build);
    }

    private ResiliencePipeline<HttpResponseMessage> Build(string authority)
    {
        var settings = options.Value;
        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(new TimeoutStrategyOptions { Name = "TotalRequestTimeout", Timeout = settings.TotalRequestTimeout })
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    TransientHttpFailure.IsTransient(args.Outcome)
                    && args.Context.Properties.TryGetValue(RequestKey, out var request)
                    && TransientHttpFailure.CanResend(request)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome, settings.TotalRequestTimeout)),
                OnRetry = args =>
                {
                    LogRetry(logger, authority, Describe(args.Outcome), args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = settings.CircuitBreakerFailureRatio,
                MinimumThroughput = settings.CircuitBreakerMinimumThroughput,
                SamplingDuration = settings.CircuitBreakerSamplingDuration,
                BreakDuration = settings.CircuitBreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(TransientHttpFailure.IsTransient(args.Outcome)),
                OnOpened = args =>
                {
                    LogCircuitOpened(logger, authority, args.BreakDuration.TotalSeconds, Describe(args.Outcome));
                    return default;
                },
                OnClosed = _ =>
                {
                    LogCircuitClosed(logger, authority);
                    return default;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = settings.AttemptTimeout })
            .Build();
    }

    // A server that says when to come back (429/503 with Retry-After) is believed, within the total timeout.
    private static TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome, TimeSpan limit)
    {
        var retryAfter = outcome.Result?.Headers.RetryAfter;
        var delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return delay is { } d && d > TimeSpan.Zero ? (d < limit ? d : limit) : null;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception ? exception.GetType().Name : $"HTTP {(int)outcome.Result!.StatusCode}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retrying a request to {Authority} after {Outcome}: attempt {Attempt} in {DelayMs:0} ms")]
    private static partial void LogRetry(ILogger logger, string authority, string outcome, int attempt, double delayMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Circuit to {Authority} opened for {BreakSeconds} s after {Outcome}")]
    private static partial void LogCircuitOpened(ILogger logger, string authority, double breakSeconds, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Circuit to {Authority} closed")]
    private static partial void LogCircuitClosed(ILogger logger, string authority);
}
