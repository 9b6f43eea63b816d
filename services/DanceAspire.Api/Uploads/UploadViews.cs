using DanceAspire.Data;
using DanceAspire.Data.Jobs;

namespace DanceAspire.Api.Uploads;

public static class UploadViews
{
    /// <summary>awaiting_upload, rejected, or once submitted its job's <see cref="JobState"/>.</summary>
    public static string PublicState(UploadedMedia upload, Job? job) => upload.State switch
    {
        UploadStates.AwaitingUpload => "awaiting_upload",
        UploadStates.Rejected => "rejected",
        _ => JobState(job),
    };

    /// <summary>queued, running, completed, canceled or failed: what a job means to the one waiting for its result.</summary>
    public static string JobState(Job? job) => job?.State switch
    {
        null or JobStates.Pending or JobStates.Queued => "queued",
        JobStates.Running => "running",
        JobStates.Succeeded => "completed",
        JobStates.Canceled => "canceled",
        _ => "failed",
    };

    /// <summary>
    /// Why an upload cannot be confirmed (rejected before, or its URL expired), or null when it can: a submitted one is
    /// answered with its current view by the caller.
    /// </summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? ConfirmProblem(UploadedMedia upload, DateTimeOffset now, string idName) =>
        upload.State switch
        {
            UploadStates.Rejected => ApiProblems.Problem(StatusCodes.Status409Conflict, "Upload rejected",
                $"This upload was rejected ({upload.RejectionReason}); start a new one.", upload.RejectionCode, (idName, upload.Id)),
            UploadStates.AwaitingUpload when upload.UploadExpiresAt < now => ApiProblems.Problem(StatusCodes.Status409Conflict, "Upload expired",
                "The upload URL expired before the upload was confirmed; start a new one.", "upload_expired", (idName, upload.Id)),
            _ => null,
        };
}
