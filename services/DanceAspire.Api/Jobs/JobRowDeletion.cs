using DanceAspire.Api.Uploads;
using DanceAspire.Data;

namespace DanceAspire.Api.Jobs;

public static class JobRowDeletion
{
    /// <summary>
    /// Deletes a row whose work runs as a job (an analysis, a song, a choreography) and its folder of files. The job is
    /// asked to stop first, so its worker does not write files after they are deleted (the sweeper removes any that slip
    /// through).
    /// </summary>
    public static async Task DeleteAsync(
        DanceDbContext db, JobCreator jobs, object row, Guid? jobId, FolderStorage storage, Guid folder, CancellationToken cancellationToken)
    {
        if (jobId is { } id)
        {
            await jobs.RequestCancelAsync(id, cancellationToken);
        }
        db.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        await storage.DeleteAllAsync(folder, cancellationToken);
    }
}
