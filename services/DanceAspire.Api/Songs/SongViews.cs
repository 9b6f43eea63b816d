using System.Text.Json;
using DanceAspire.Api.Uploads;
using DanceAspire.Data.Jobs;
using DanceAspire.Data.Songs;
using DanceAspire.Music.Songs;

namespace DanceAspire.Api.Songs;

/// <summary>A song row with its job (null before the upload is confirmed), as read for a view.</summary>
public sealed record SongWithJob(Song Song, Job? Job);

public static class SongViews
{
    /// <param name="withAnalysis">Whether to include the beats, sections and energy curve (one song), or only the tempo (lists).</param>
    public static SongView View(SongWithJob row, bool withAnalysis)
    {
        var (song, job) = (row.Song, row.Job);
        var state = UploadViews.PublicState(song, job);
        var analysis = state == "completed" ? Analysis(job!) : null;
        var (error, code) = state switch
        {
            "rejected" => (song.RejectionReason, song.RejectionCode),
            "failed" => (job?.Error ?? "The song's analysis failed.", "analysis_failed"),
            "canceled" => ("The song's analysis was canceled.", "canceled"),
            _ => (null, null),
        };
        var audio = song.DurationSeconds is { } duration
            ? new AudioFacts(duration, song.AudioCodec ?? "", song.SampleRate ?? 0, song.Channels ?? 0)
            : null;
        return new SongView(
            song.Id,
            state,
            state == "completed" ? 1 : job?.Progress ?? 0,
            job?.Stage,
            error,
            code,
            song.Title,
            song.FileName,
            song.SizeBytes,
            audio,
            song.JobId,
            analysis?.TempoBpm,
            withAnalysis ? analysis : null,
            song.CreatedAt,
            song.SubmittedAt,
            job?.FinishedAt);
    }

    /// <summary>The song-analysis job's result.</summary>
    public static SongAnalysis? Analysis(Job job) =>
        job.Result is { } json ? JsonSerializer.Deserialize<SongAnalysis>(json, JsonSerializerOptions.Web) : null;

    /// <summary>The title a song gets when the uploader gives none: its file name without the extension.</summary>
    public static string DefaultTitle(string fileName)
    {
        var title = Path.GetFileNameWithoutExtension(fileName).Replace('_', ' ').Trim();
        return title.Length > 0 ? title : fileName;
    }
}
