using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DanceAspire.ServiceDefaults.Tests;

/// <summary>A host wired like any DanceAspire service (AddServiceDefaults) whose IHttpClientFactory clients the tests drive.</summary>
internal sealed class ServiceClientHost : IDisposable
{
    /// <summary>Back-offs short enough for tests; everything else keeps its default.</summary>
    public static readonly (string Key, string Value) FastRetries = ("Http:Resilience:RetryDelay", "00:00:00.010");

    private readonly IHost _host;

    public ServiceClientHost(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "DanceAspire.ServiceDefaults.Tests" });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddServiceDefaults();
        builder.Services.AddHttpClient();
        _host = builder.Build();
    }

    public HttpClient CreateClient() => _host.Services.GetRequiredService<IHttpClientFactory>().CreateClient();

    public void Dispose() => _host.Dispose();
}
