namespace DanceAspire.Hosting;

/// <summary>
/// The environment contract of .NET Aspire, so a service never knows which host started it:
/// ConnectionStrings__*, services__*__http__N, OTEL_*, ASPNETCORE_URLS / PORT.
/// </summary>
internal static class EnvironmentBuilder
{
    public static Dictionary<string, string> Build(ProcessResource resource, ResourceInstance instance, RunContext context, DistributedApplicationOptions options)
    {
        var variables = new Dictionary<string, string>();
        if (resource is ProjectResource or NpmAppResource or ExecutableResource)
        {
            AddServiceContract(resource, instance, context, options, variables);
        }
        var callbackContext = new EnvironmentContext(instance, variables);
        foreach (var callback in resource.EnvironmentCallbacks)
        {
            callback(callbackContext);
        }
        return variables;
    }

    private static void AddServiceContract(ProcessResource resource, ResourceInstance instance, RunContext context, DistributedApplicationOptions options, Dictionary<string, string> variables)
    {
        foreach (var endpoint in resource.Endpoints)
        {
            var port = instance.Ports[endpoint.Name];
            if (endpoint.EnvironmentVariable is { } name)
            {
                variables[name] = port.ToString();
            }
            else if (resource is ProjectResource)
            {
                // External endpoints answer on localhost (IPv4 and IPv6); internal ones only on IPv4 loopback.
                var host = endpoint.IsExternal ? "localhost" : "127.0.0.1";
                variables["ASPNETCORE_URLS"] = variables.TryGetValue("ASPNETCORE_URLS", out var urls)
                    ? $"{urls};{endpoint.Scheme}://{host}:{port}"
                    : $"{endpoint.Scheme}://{host}:{port}";
            }
        }

        variables["ASPNETCORE_ENVIRONMENT"] = options.EnvironmentName;
        variables["DOTNET_ENVIRONMENT"] = options.EnvironmentName;
        variables["DOTNET_NOLOGO"] = "1";
        variables["NEXT_TELEMETRY_DISABLED"] = "1";

        variables["OTEL_SERVICE_NAME"] = resource.Name;
        variables["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={instance.Name}";
        if (options.OtlpEndpoint is { } otlp)
        {
            variables["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp;
            variables["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            // Development's short intervals, so telemetry shows up in the dashboard within a second.
            variables["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
            variables["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
            variables["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
            variables["OTEL_METRICS_EXEMPLAR_FILTER"] = "trace_based";
        }

        foreach (var reference in resource.References)
        {
            if (reference is IResourceWithConnectionString withConnectionString)
            {
                variables[$"ConnectionStrings__{reference.Name}"] = withConnectionString.GetConnectionString();
            }
            else if (reference is ProcessResource service)
            {
                var replicas = context.Instances[service];
                foreach (var endpoint in service.Endpoints)
                {
                    for (var i = 0; i < replicas.Length; i++)
                    {
                        variables[$"services__{reference.Name}__{endpoint.Name}__{i}"] = $"{endpoint.Scheme}://127.0.0.1:{replicas[i].Ports[endpoint.Name]}";
                    }
                }
            }
            else if (reference is ParameterResource parameter)
            {
                variables[$"Parameters__{parameter.Name}"] = parameter.GetValue();
            }
        }
    }
}
