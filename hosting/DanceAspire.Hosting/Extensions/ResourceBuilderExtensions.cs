namespace DanceAspire.Hosting;

/// <summary>The resource-builder verbs of Aspire's AppHost API.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>Passes the resource's connection string or service endpoints to <paramref name="builder"/>'s environment.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> source)
        where T : Resource
    {
        builder.Resource.References.Add(source.Resource);
        return builder;
    }

    /// <summary>Starts <paramref name="builder"/>'s resource only once <paramref name="dependency"/> runs and is healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : Resource
    {
        builder.Resource.WaitsFor.Add(dependency.Resource);
        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : Resource
    {
        builder.Resource.EnvironmentCallbacks.Add(context => context.Variables[name] = value);
        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter)
        where T : Resource
    {
        builder.Resource.EnvironmentCallbacks.Add(context => context.Variables[name] = parameter.Resource.GetValue());
        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Action<EnvironmentContext> callback)
        where T : Resource
    {
        builder.Resource.EnvironmentCallbacks.Add(callback);
        return builder;
    }

    public static IResourceBuilder<T> WithReplicas<T>(this IResourceBuilder<T> builder, int replicas)
        where T : ProcessResource
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        if (replicas > 1 && builder.Resource.Endpoints.Any(e => e.Port is not null))
        {
            throw new DistributedApplicationException($"Resource '{builder.Resource.Name}' has a fixed port, so it cannot have replicas.");
        }
        builder.Resource.Replicas = replicas;
        return builder;
    }

    /// <summary>An HTTP endpoint on <paramref name="port"/> (any free one when null), told to the process through <paramref name="env"/> when given.</summary>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, string? env = null, string name = "http")
        where T : ProcessResource
    {
        if (port is not null && builder.Resource.Replicas > 1)
        {
            throw new DistributedApplicationException($"Resource '{builder.Resource.Name}' has replicas, so it cannot have a fixed port.");
        }
        builder.Resource.Endpoints.RemoveAll(e => e.Name == name);
        builder.Resource.Endpoints.Add(new EndpointAnnotation(name, "http", port, env));
        return builder;
    }

    /// <summary>The resource counts as healthy when GET <paramref name="path"/> on its http endpoint answers 2xx.</summary>
    public static IResourceBuilder<T> WithHttpHealthCheck<T>(this IResourceBuilder<T> builder, string path = "/health")
        where T : ProcessResource
    {
        builder.Resource.GetOrAddHttpEndpoint();
        builder.Resource.HealthCheckPath = path;
        return builder;
    }

    /// <summary>Marks the HTTP endpoints as reachable from outside (listening on localhost, shown as the app's URL).</summary>
    public static IResourceBuilder<T> WithExternalHttpEndpoints<T>(this IResourceBuilder<T> builder)
        where T : ProcessResource
    {
        foreach (var endpoint in builder.Resource.Endpoints.Where(e => e.Scheme is "http" or "https"))
        {
            endpoint.IsExternal = true;
        }
        return builder;
    }
}
