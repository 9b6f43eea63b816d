using DanceAspire.Workers;
using Microsoft.Extensions.Configuration;

namespace DanceAspire.Jobs.Tests;

public sealed class WorkerIdentityTests
{
    private static WorkerIdentity From(string? attributes) => WorkerIdentity.From(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["OTEL_RESOURCE_ATTRIBUTES"] = attributes }).Build());

    [Fact]
    public void A_replica_is_named_by_its_service_instance_and_process()
    {
        Assert.Equal($"analysis-worker-1/{Environment.ProcessId}", From("deployment.environment=dev, service.instance.id=analysis-worker-1").Id);
    }

    [Fact]
    public void Without_an_instance_id_the_machine_names_the_worker_and_spaces_never_reach_the_id()
    {
        Assert.Equal($"{Environment.MachineName.Replace(' ', '_')}/{Environment.ProcessId}", From(null).Id);
        Assert.DoesNotContain(' ', From("service.instance.id=my worker").Id);
    }
}
