namespace DanceAspire.Hosting;

/// <summary>How a run is set up; read from configuration, overridden by the testing builder.</summary>
public sealed class DistributedApplicationOptions
{
    /// <summary>The AppHost project's folder: relative paths in Program.cs (../web) resolve against it.</summary>
    public required string AppHostDirectory { get; set; }

    /// <summary>All state of a run (databases, blobs, logs, secrets, pid files). Survives restarts; delete it to start fresh.</summary>
    public required string StateDirectory { get; set; }

    /// <summary>Give every fixed port (gateway, dashboard) a free one instead: the testing builder's choice.</summary>
    public bool RandomizePorts { get; set; }

    public bool DashboardEnabled { get; set; } = true;
    public int DashboardPort { get; set; } = 18888;
    public int OtlpPort { get; set; } = 18890;

    /// <summary>Set once the dashboard's OTLP receiver is listening; passed to services as OTEL_EXPORTER_OTLP_ENDPOINT.</summary>
    public string? OtlpEndpoint { get; internal set; }

    public string EnvironmentName { get; set; } = "Development";
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromMinutes(3);
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
    public int LogLinesPerResource { get; set; } = 2000;
}
