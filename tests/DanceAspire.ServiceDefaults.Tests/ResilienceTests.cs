using System.Net;
using Polly.CircuitBreaker;

namespace DanceAspire.ServiceDefaults.Tests;

public sealed class ResilienceTests
{
    [Fact]
    public async Task A_transient_503_is_retried_and_the_retry_succeeds()
    {
        await using var api = await LoopbackService.StartAsync(request => request == 1 ? 503 : 200);
        using var host = new ServiceClientHost(ServiceClientHost.FastRetries, ("services:api:http:0", api.Address.ToString()));

        using var response = await host.CreateClient().GetAsync("http://api/x");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, api.Requests);
    }

    [Fact]
    public async Task A_400_is_not_retried()
    {
        await using var api = await LoopbackService.StartAsync(_ => 400);
        using var host = new ServiceClientHost(ServiceClientHost.FastRetries);

        using var response = await host.CreateClient().GetAsync(new Uri(api.Address, "x"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, api.Requests);
    }

    [Fact]
    public async Task A_request_whose_body_is_a_stream_is_not_sent_twice()
    {
        await using var api = await LoopbackService.StartAsync(_ => 503);
        using var host = new ServiceClientHost(ServiceClientHost.FastRetries);

        using var response = await host.CreateClient().PostAsync(new Uri(api.Address, "upload"), new StreamContent(new MemoryStream([1, 2, 3])));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, api.Requests);
    }

    [Fact]
    public async Task A_request_with_a_buffered_body_is_retried()
    {
        await using var api = await LoopbackService.StartAsync(request => request == 1 ? 503 : 201);
        using var host = new ServiceClientHost(ServiceClientHost.FastRetries);

        using var response = await host.CreateClient().PostAsync(new Uri(api.Address, "jobs"), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, api.Requests);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_then_stops_calling_the_service()
    {
        await using var api = await LoopbackService.StartAsync(_ => 500);
        using var host = new ServiceClientHost(
            ServiceClientHost.FastRetries,
            ("Http:Resilience:MaxRetryAttempts", "1"),
            ("Http:Resilience:CircuitBreakerMinimumThroughput", "4"),
            ("Http:Resilience:CircuitBreakerFailureRatio", "0.5"),
            ("Http:Resilience:CircuitBreakerBreakDuration", "00:01:00"),
            ("services:api:http:0", api.Address.ToString()));
        var client = host.CreateClient();

        // Two calls of two attempts each fail four times: the minimum throughput, all failures.
        for (var call = 0; call < 2; call++)
        {
            using var failed = await client.GetAsync("http://api/x");
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetAsync("http://api/x"));
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetAsync("http://api/y"));

        Assert.Equal(4, api.Requests);
    }
}
