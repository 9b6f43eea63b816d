namespace DanceAspire.Music.Jobs;

/// <summary>The song-analysis job's contract between the api, which queues it, and the analysis-worker, which runs it.</summary>
public static class SongAnalysisJob
{
    public const string Kind = "song-analysis";

    /// <summary>The blob container holding every song, one folder per song: <c>{songId}/original</c>.</summary>
    public const string Container = "songs";

    public static string Folder(Guid songId) => $"{songId:D}/";

    /// <summary>The uploaded file, as it arrived.</summary>
    public static string OriginalName(Guid songId) => Folder(songId) + "original";
}

/// <summary>The job's payload: which song to analyze. The job's result is the song's <see cref="Songs.SongAnalysis"/> as JSON.</summary>
public sealed record SongAnalysisJobPayload(Guid SongId);
