namespace DanceAspire.Data.Diagnostics;

/// <summary>A row written and read back by the diagnostics round trip.</summary>
public sealed class Probe
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
