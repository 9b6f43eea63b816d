using System.Text.Json;
using DanceAspire.Workers;
using StackExchange.Redis;

namespace DanceAspire.TestWorker;

/// <summary>The payload of a <c>test-echo</c> job.</summary>
/// <param name="DurationMs">How long the job works, spread over its progress steps.</param>
/// <param name="ProgressSteps">Progress reports, evenly spaced, each with its own stage ("step i/n").</param>
/// <param name="FailAttempts">Attempts up to this number fail (a retryable error).</param>
/// <param name="AlwaysFail">Every attempt fails.</param>
/// <param name="Result">Echoed in the result.</param>
public sealed record EchoPayload(int DurationMs = 0, int ProgressSteps = 0, int FailAttempts = 0, bool AlwaysFail = false, string? Result = null);

/// <summary>The result of a <c>test-echo</c> job: the payload's result, and the worker and attempt that produced it.</summary>
public sealed record EchoResult(string? Echo, string Worker, int Attempt)
{
    public static EchoResult Parse(string json) => JsonSerializer.Deserialize<EchoResult>(json, JsonSerializerOptions.Web)
        ?? throw new FormatException("Not an echo result.");
}

/// <summary>
/// Works for a while reporting progress, then echoes its payload's result with who ran it; can fail on purpose. Each
/// attempt that runs to completion is counted in Redis (<see cref="CompletionsKey"/>), so tests can tell how many
/// times a job really ran to the end, whatever the dispatcher recorded.
/// </summary>
public sealed class EchoHandler(IConnectionMultiplexer redis) : IJobHandler
{
    public const string JobKind = "test-echo";
    public const string CompletionsKey = "test:completions";

    public string Kind => JobKind;

    public async Task<string?> HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        var payload = context.GetPayload<EchoPayload>();
        var steps = Math.Max(payload.ProgressSteps, 1);
        for (var step = 1; step <= steps; step++)
        {
            await Task.Delay(payload.DurationMs / steps, cancellationToken);
            if (payload.ProgressSteps > 0)
            {
                await context.ReportProgressAsync((double)step / steps, $"step {step}/{steps}");
            }
        }
        if (payload.AlwaysFail || context.Attempt <= payload.FailAttempts)
        {
            throw new InvalidOperationException($"test-echo fails attempt {context.Attempt} on purpose");
        }
        await redis.GetDatabase().HashIncrementAsync(CompletionsKey, context.JobId.ToString("N"));
        return JsonSerializer.Serialize(new EchoResult(payload.Result, context.WorkerId, context.Attempt), JsonSerializerOptions.Web);
    }
}

/// <summary>Does nothing at all: the benchmark's kind, so what it measures is the job system alone.</summary>
public sealed class NoopHandler : IJobHandler
{
    public const string JobKind = "test-noop";

    public string Kind => JobKind;

    public Task<string?> HandleAsync(JobContext context, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
