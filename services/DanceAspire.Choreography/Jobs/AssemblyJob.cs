namespace DanceAspire.Choreography.Jobs;

/// <summary>The assembly job's contract between the api, which queues it, and the assembler, which runs it.</summary>
public static class AssemblyJob
{
    /// <summary>The job kind (the work stream the assembler reads).</summary>
    public const string Kind = "assembly";

    /// <summary>The blob container holding assembled videos, one folder per choreography: <c>{id}/video.mp4</c>.</summary>
    public const string Container = "choreographies";

    /// <summary>The blob name (inside <see cref="Container"/>) of a choreography's video.</summary>
    public static string VideoName(Guid choreographyId) => $"{choreographyId:D}/video.mp4";
}

/// <summary>The job's payload: the blueprint as JSON, checked again by the assembler before anything else.</summary>
public sealed record AssemblyJobPayload(Guid ChoreographyId, string Blueprint);

/// <summary>What the assembler returns as the job's result.</summary>
/// <param name="VideoPath">Blob path, "choreographies/{id}/video.mp4".</param>
/// <param name="StreamCopy">Whether the clips were joined without re-encoding (every cut plain).</param>
public sealed record AssemblySummary(string VideoPath, double DurationSeconds, long SizeBytes, bool StreamCopy, double ElapsedSeconds);
