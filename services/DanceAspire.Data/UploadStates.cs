namespace DanceAspire.Data;

/// <summary>
/// awaiting_upload → (the file arrives and passes validation) submitted, or rejected. Once submitted, the job
/// (e.g. <see cref="Analyses.VideoAnalysis.JobId"/>) carries the state, progress and result.
/// </summary>
public static class UploadStates
{
    public const string AwaitingUpload = "awaiting_upload";
    public const string Rejected = "rejected";
    public const string Submitted = "submitted";
}
