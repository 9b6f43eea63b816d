using DanceAspire.Api.Jobs;
using DanceAspire.Data;
using DanceAspire.Jobs;
using DanceAspire.Media.Probing;
using DanceAspire.Media.Validation;
using Microsoft.Extensions.Options;

namespace DanceAspire.Api.Uploads;

public abstract record Submission
{
    private Submission()
    {
    }

    /// <summary>The file is one we accept; its job is queued (or was, by an earlier confirm).</summary>
    public sealed record Queued : Submission;

    /// <summary>The file was checked and refused: a machine code and a sentence for people. Its blob is gone.</summary>
    public sealed record Rejected(string Code, string Reason, int StatusCode) : Submission;

    public sealed record NotEnoughCoins(int Cost, int Balance) : Submission;
}

/// <summary>
/// Turns an uploaded file into a queued job: checks the blob with ffprobe (through a short read link, so nothing is
/// downloaded), and creates the job and the upload's new state in one transaction. A file that fails the checks is
/// deleted and the upload marked rejected with the reason.
/// </summary>
public sealed class UploadSubmitter(
    DanceDbContext db,
    UploadInspector inspector,
    JobCreator jobs,
    IOptionsMonitor<JobsOptions> jobOptions,
    TimeProvider time)
{
    /// <param name="original">The uploaded file's name in <paramref name="storage"/>.</param>
    /// <param name="job">The job to create; its idempotency key must name the upload, so confirming twice queues one job.</param>
    /// <param name="accept">Records what ffprobe found on the upload's row (inside the job's transaction).</param>
    public async Task<Submission> SubmitAsync(
        UploadedMedia upload, FolderStorage storage, string original, UploadValidator validator, NewJob job,
        Action<MediaInfo> accept, CancellationToken cancellationToken)
    {
        var inspection = await inspector.InspectAsync(storage, upload.Id, original, validator, cancellationToken);
        if (inspection is UploadInspection.Refused { Code: UploadInspector.NotUploaded } missing)
        {
            // Nothing to judge yet: the client may still PUT the file and confirm again.
            return new Submission.Rejected(missing.Code, missing.Reason, missing.StatusCode);
        }
        if (inspection is UploadInspection.Refused refused)
        {
            await storage.DeleteAllAsync(upload.Id, cancellationToken);
            upload.State = UploadStates.Rejected;
            upload.RejectionCode = refused.Code;
            upload.RejectionReason = refused.Reason;
            upload.UploadExpiresAt = null;
            await db.SaveChangesAsync(cancellationToken);
            return new Submission.Rejected(refused.Code, refused.Reason, refused.StatusCode);
        }

        var accepted = (UploadInspection.Accepted)inspection;
        var kind = jobOptions.CurrentValue.Kinds.GetValueOrDefault(job.Kind) ?? new JobKindOptions();
        var outcome = await jobs.CreateAsync(upload.OwnerId, job, kind, (_, created) =>
        {
            upload.State = UploadStates.Submitted;
            upload.JobId = created.Id;
            upload.SizeBytes = accepted.SizeBytes;
            upload.DurationSeconds = accepted.Media.DurationSeconds;
            upload.UploadExpiresAt = null;
            upload.SubmittedAt = time.GetUtcNow();
            accept(accepted.Media);
        }, cancellationToken);

        return outcome switch
        {
            JobCreation.Created or JobCreation.AlreadyCreated => new Submission.Queued(),
            JobCreation.NotEnoughCoins poor => new Submission.NotEnoughCoins(poor.Cost, poor.Balance),
            _ => throw new InvalidOperationException($"Unexpected job creation outcome {outcome}."),
        };
    }
}
