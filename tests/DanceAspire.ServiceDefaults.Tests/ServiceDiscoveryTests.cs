using DanceAspire.ServiceDefaults.ServiceDiscovery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace DanceAspire.ServiceDefaults.Tests;

public sealed class ServiceDiscoveryTests
{
    [Fact]
    public async Task A_client_calling_a_service_by_name_reaches_the_endpoint_configured_for_it()
    {
        await using var api = await LoopbackService.StartAsync((_, context) =>
            context.Response.WriteAsync($"{context.Request.Host} {context.Request.Path}{context.Request.QueryString}"));
        using var host = new ServiceClientHost(("services:api:http:0", api.Address.ToString()));

        var body = await host.CreateClient().GetStringAsync("http://api/x?y=1");

        Assert.Equal($"{api.Address.Authority} /x?y=1", body);
        Assert.Equal(1, api.Requests);
    }

    [Fact]
    public void An_unknown_name_is_left_alone()
    {
        var resolver = Resolver(("services:api:http:0", "http://127.0.0.1:5001"));

        Assert.False(resolver.TryResolve(new Uri("http://example.org/x"), out _));
    }

    [Fact]
    public void Https_plus_http_prefers_the_https_endpoint_and_falls_back_to_http()
    {
        var both = Resolver(("services:api:http:0", "http://127.0.0.1:5001"), ("services:api:https:0", "https://127.0.0.1:5443"));
        var httpOnly = Resolver(("services:api:http:0", "http://127.0.0.1:5001"));

        Assert.True(both.TryResolve(new Uri("https+http://api/v1/jobs"), out var secure));
        Assert.True(httpOnly.TryResolve(new Uri("https+http://api/v1/jobs"), out var plain));

        Assert.Equal(new Uri("https://127.0.0.1:5443/v1/jobs"), secure);
        Assert.Equal(new Uri("http://127.0.0.1:5001/v1/jobs"), plain);
    }

    [Fact]
    public void Replicas_of_a_service_are_used_in_turn()
    {
        var resolver = Resolver(("services:api:http:0", "http://127.0.0.1:5001"), ("services:api:http:1", "http://127.0.0.1:5002"));

        var ports = Enumerable.Range(0, 4).Select(_ => resolver.TryResolve(new Uri("http://api/"), out var uri) ? uri.Port : 0).ToArray();

        Assert.Equal([5001, 5002, 5001, 5002], ports);
    }

    private static ServiceEndpointResolver Resolver(params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());
}
