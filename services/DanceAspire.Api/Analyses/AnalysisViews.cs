using System.Text.Json;
using DanceAspire.Analysis.Jobs;
using DanceAspire.Api.Uploads;
using DanceAspire.Data.Analyses;
using DanceAspire.Data.Jobs;

namespace DanceAspire.Api.Analyses;

/// <summary>An analysis row with its job (null before the upload is confirmed), as read for a view.</summary>
public sealed record AnalysisWithJob(VideoAnalysis Analysis, Job? Job);

public static class AnalysisViews
{
    public static AnalysisView View(AnalysisWithJob row)
    {
        var (analysis, job) = (row.Analysis, row.Job);
        var state = UploadViews.PublicState(analysis, job);
        var video = analysis.DurationSeconds is { } duration
            ? new VideoFacts(duration, analysis.Width ?? 0, analysis.Height ?? 0, analysis.FrameRate ?? 0, analysis.VideoCodec ?? "")
            : null;
        var (error, code) = state switch
        {
            "rejected" => (analysis.RejectionReason, analysis.RejectionCode),
            "failed" => (job?.Error ?? "The analysis failed.", "analysis_failed"),
            "canceled" => ("The analysis was canceled.", "canceled"),
            _ => (null, null),
        };
        return new AnalysisView(
            analysis.Id,
            state,
            state == "completed" ? 1 : job?.Progress ?? 0,
            job?.Stage,
            error,
            code,
            analysis.Model,
            analysis.Overlay,
            analysis.FileName,
            analysis.SizeBytes,
            video,
            analysis.JobId,
            state == "completed" ? Summary(job!) : null,
            analysis.CreatedAt,
            analysis.SubmittedAt,
            job?.FinishedAt);
    }

    /// <summary>The job's summary without the moves (they are in the move library, embeddings and all).</summary>
    private static AnalysisSummary? Summary(Job job) =>
        job.Result is { } json ? JsonSerializer.Deserialize<AnalysisSummary>(json, JsonSerializerOptions.Web)! with { Moves = null } : null;
}
