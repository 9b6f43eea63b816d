using DanceAspire.Analysis.Jobs;
using DanceAspire.Api.Jobs;
using DanceAspire.Data;
using DanceAspire.Data.Analyses;
using DanceAspire.Jobs;
using Microsoft.Extensions.Options;

namespace DanceAspire.Api.Analyses;

public abstract record Submission
{
    private Submission()
    {
    }

    /// <summary>The file is a video we accept; the analysis job is queued (or was, by an earlier confirm).</summary>
    public sealed record Queued(VideoAnalysis Analysis) : Submission;

    /// <summary>The file was checked and refused: a machine code and a sentence for people. Its blob is gone.</summary>
    public sealed record Rejected(string Code, string Reason, int StatusCode) : Submission;

    public sealed record NotEnoughCoins(int Cost, int Balance) : Submission;
}

/// <summary>
/// Turns an uploaded file into a queued analysis job: checks the blob with ffprobe (through a short read link, so
/// nothing is downloaded), and creates the job and the analysis's new state in one transaction. A file that fails
/// the checks is deleted and the analysis marked rejected with the reason.
/// </summary>
public sealed class AnalysisSubmitter(
    DanceDbContext db,
    AnalysisStorage storage,
    UploadInspector inspector,
    JobCreator jobs,
    IOptionsMonitor<JobsOptions> jobOptions,
    TimeProvider time)
{
    public async Task<Submission> SubmitAsync(VideoAnalysis analysis, CancellationToken cancellationToken)
    {
        var inspection = await inspector.InspectAsync(analysis.Id, cancellationToken);
        if (inspection is UploadInspection.Refused { Code: UploadInspector.NotUploaded } missing)
        {
            // Nothing to judge yet: the client may still PUT the file and confirm again.
            return new Submission.Rejected(missing.Code, missing.Reason, missing.StatusCode);
        }
        if (inspection is UploadInspection.Refused refused)
        {
            await storage.DeleteAllAsync(analysis.Id, cancellationToken);
            analysis.State = AnalysisStates.Rejected;
            analysis.RejectionCode = refused.Code;
            analysis.RejectionReason = refused.Reason;
            analysis.UploadExpiresAt = null;
            await db.SaveChangesAsync(cancellationToken);
            return new Submission.Rejected(refused.Code, refused.Reason, refused.StatusCode);
        }

        var accepted = (UploadInspection.Accepted)inspection;
        var kind = jobOptions.CurrentValue.Kinds.GetValueOrDefault(AnalysisJob.Kind) ?? new JobKindOptions();
        var payload = System.Text.Json.JsonSerializer.Serialize(
            new AnalysisJobPayload(analysis.Id, analysis.Model, analysis.Overlay), System.Text.Json.JsonSerializerOptions.Web);
        // One job per analysis, however many times (or how concurrently) the upload is confirmed.
        var request = new NewJob(AnalysisJob.Kind, payload, IdempotencyKey: $"analysis:{analysis.Id:D}");
        var outcome = await jobs.CreateAsync(analysis.OwnerId, request, kind, (_, job) =>
        {
            analysis.State = AnalysisStates.Submitted;
            analysis.JobId = job.Id;
            analysis.SizeBytes = accepted.SizeBytes;
            analysis.DurationSeconds = accepted.Video.DurationSeconds;
            analysis.Width = accepted.Video.Width;
            analysis.Height = accepted.Video.Height;
            analysis.FrameRate = accepted.Video.FrameRate;
            analysis.VideoCodec = accepted.Video.Codec;
            analysis.UploadExpiresAt = null;
            analysis.SubmittedAt = time.GetUtcNow();
        }, cancellationToken);

        return outcome switch
        {
            JobCreation.Created or JobCreation.AlreadyCreated => new Submission.Queued(analysis),
            JobCreation.NotEnoughCoins poor => new Submission.NotEnoughCoins(poor.Cost, poor.Balance),
            _ => throw new InvalidOperationException($"Unexpected job creation outcome {outcome}."),
        };
    }
}
