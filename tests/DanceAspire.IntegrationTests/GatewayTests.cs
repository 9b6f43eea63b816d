using System.Net;
using System.Net.Http.Json;

namespace DanceAspire.IntegrationTests;

[Collection(StackCollection.Name)]
public sealed class GatewayTests(StackFixture stack)
{
    private sealed record Check(string Name, string Status, double DurationMs, string? Description);
    private sealed record Health(string Status, double DurationMs, List<Check> Checks);

    [Fact]
    public async Task Api_health_through_the_gateway_reports_every_dependency_healthy()
    {
        using var response = await stack.Gateway.GetAsync("/api/v1/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<Health>();
        Assert.Equal("Healthy", health!.Status);
        foreach (var dependency in new[] { "postgres", "redis", "blobs" })
        {
            Assert.Equal("Healthy", Assert.Single(health.Checks, c => c.Name == dependency).Status);
        }
    }

    [Fact]
    public async Task The_gateway_serves_the_web_home_page_at_the_root()
    {
        using var response = await stack.Gateway.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("DanceAspire", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_gateway_answers_its_own_health_endpoint_instead_of_proxying_it()
    {
        using var response = await stack.Gateway.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_client_over_its_request_rate_gets_429_with_retry_after_while_others_are_served()
    {
        // The gateway trusts X-Forwarded-For from loopback, so this test is a client of its own.
        async Task<HttpResponseMessage> Send(string client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-thing");
            request.Headers.Add("X-Forwarded-For", client);
            return await stack.Gateway.SendAsync(request);
        }

        HttpResponseMessage? limited = null;
        for (var i = 0; i < 5000 && limited is null; i++)
        {
            var response = await Send("198.51.100.23");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        using var other = await Send("198.51.100.99");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}
