using DanceAspire.Analysis.Pose;
using DanceAspire.Analysis.Jobs;
using DanceAspire.Api.Accounts;
using DanceAspire.Api.Jobs;
using DanceAspire.Api.Moves;
using DanceAspire.Api.Uploads;
using DanceAspire.Data;
using DanceAspire.Data.Analyses;
using DanceAspire.Data.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using DanceAspire.Media.Validation;
using Microsoft.Extensions.Options;

namespace DanceAspire.Api.Analyses;

/// <summary>/api/v1/analyses: upload a dance video (a direct-to-storage link, or multipart), follow and read its analysis, delete it.</summary>
public static class AnalysesApi
{
    public static RouteGroupBuilder MapAnalysesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/analyses").WithTags("Analyses");
        group.MapPost("/upload-url", CreateUploadUrl)
            .WithName("CreateAnalysisUploadUrl")
            .WithSummary("Starts an analysis: a write-only URL (15 minutes) to PUT the video to, then confirm.")
            .ProducesValidationProblem();
        group.MapPost("/{id:guid}/confirm", Confirm)
            .WithName("ConfirmAnalysisUpload")
            .WithSummary("Checks the uploaded video with ffprobe and queues its analysis.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status402PaymentRequired);
        group.MapPost("", MultipartUpload.HandleAsync)
            .WithName("UploadAnalysis")
            .WithSummary("Uploads a video as multipart/form-data (a 'file' part, optional 'model' and 'overlay' fields) and queues its analysis.")
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status402PaymentRequired);
        group.MapGet("", List)
            .WithName("ListAnalyses")
            .WithSummary("The caller's analyses, newest first.")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", Get)
            .WithName("GetAnalysis")
            .WithSummary("An analysis's state, progress, stage, error and summary.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/result", GetResult)
            .WithName("GetAnalysisResult")
            .WithSummary("The full results JSON (schema in RESULTS.md) of a completed analysis.")
            .Produces<Analysis.Results.AnalysisResult>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/artifacts/{artifact}", GetArtifact)
            .WithName("GetAnalysisArtifact")
            .WithSummary("A redirect to a short-lived read link for overlay, keypoints, thumbnail or original.")
            .Produces(StatusCodes.Status302Found)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/artifacts/{artifact}/link", GetArtifactLink)
            .WithName("GetAnalysisArtifactLink")
            .WithSummary("The same short-lived read link as JSON, for clients that cannot follow a redirect with their token (a video element).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", Delete)
            .WithName("DeleteAnalysis")
            .WithSummary("Deletes the analysis, every file of it and the moves cut from it (a running job is canceled).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Created<UploadTicket>, ValidationProblem>> CreateUploadUrl(
        UploadUrlRequest request, Caller caller, DanceDbContext db, AnalysisStorage storage,
        IOptionsMonitor<AnalysesOptions> options, IOptions<VideoLimits> limits, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = UploadRequestRules.Validate(request, limits.Value);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The upload request is not valid; see errors.");
        }
        var now = time.GetUtcNow();
        var analysis = NewAnalysis(caller, request.FileName!, request.ContentType!, request.Options, "sas", now);
        var link = await UploadLinks.IssueAsync(db, analysis, request.SizeBytes!.Value, storage, AnalysisBlobs.Original,
            options.CurrentValue.UploadUrlMinutes, now, cancellationToken);
        return TypedResults.Created($"/api/v1/analyses/{analysis.Id}", new UploadTicket(analysis.Id, link.Url, link.ExpiresAt, link.RequiredHeaders));
    }

    private static async Task<Results<Accepted<AnalysisView>, Ok<AnalysisView>, ValidationProblem, ProblemHttpResult>> Confirm(
        Guid id, Caller caller, DanceDbContext db, AnalysisSubmitter submitter, TimeProvider time, CancellationToken cancellationToken)
    {
        var analysis = await db.Analyses.VisibleTo(caller).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (analysis is null)
        {
            return NoSuchAnalysis(id);
        }
        if (analysis.State == UploadStates.Submitted)
        {
            return TypedResults.Ok(await ViewAsync(db, id, cancellationToken));
        }
        if (UploadViews.ConfirmProblem(analysis, time.GetUtcNow(), "analysisId") is { } problem)
        {
            return problem;
        }
        return await SubmitAsync(db, submitter, analysis, cancellationToken);
    }

    internal static async Task<Results<Accepted<AnalysisView>, Ok<AnalysisView>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        DanceDbContext db, AnalysisSubmitter submitter, VideoAnalysis analysis, CancellationToken cancellationToken)
    {
        return await submitter.SubmitAsync(analysis, cancellationToken) switch
        {
            Submission.Queued => TypedResults.Accepted($"/api/v1/analyses/{analysis.Id}", await ViewAsync(db, analysis.Id, cancellationToken)),
            Submission.Rejected rejected => Problem(rejected.StatusCode,
                rejected.StatusCode == StatusCodes.Status409Conflict ? "Not uploaded" : "Video rejected", rejected.Reason, rejected.Code, analysis.Id),
            Submission.NotEnoughCoins poor => Problem(StatusCodes.Status402PaymentRequired, "Not enough coins",
                $"An analysis costs {poor.Cost} coin{(poor.Cost == 1 ? "" : "s")} and your balance is {poor.Balance}.", "not_enough_coins", analysis.Id),
            var other => throw new InvalidOperationException($"Unexpected submission {other}."),
        };
    }

    private static async Task<Results<Ok<Page<AnalysisView>>, ValidationProblem>> List(
        Caller caller, DanceDbContext db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (paging, errors) = Paging.From(page, pageSize);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query parameters are not valid; see errors.");
        }
        var mine = db.Analyses.AsNoTracking().Where(a => a.OwnerId == caller.UserId);
        var total = await mine.CountAsync(cancellationToken);
        var rows = await WithJobs(db, mine.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Skip(paging.Skip).Take(paging.PageSize))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<AnalysisView>(rows.Select(AnalysisViews.View).ToList(), paging.PageNumber, paging.PageSize, total));
    }

    private static async Task<Results<Ok<AnalysisView>, ProblemHttpResult>> Get(Guid id, Caller caller, DanceDbContext db, CancellationToken cancellationToken) =>
        await FindAsync(db, id, caller, cancellationToken) is { } row ? TypedResults.Ok(AnalysisViews.View(row)) : NoSuchAnalysis(id);

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetResult(
        Guid id, Caller caller, DanceDbContext db, AnalysisStorage storage, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, caller, cancellationToken) is not { } row)
        {
            return NoSuchAnalysis(id);
        }
        var state = UploadViews.PublicState(row.Analysis, row.Job);
        if (state != "completed")
        {
            return Problem(StatusCodes.Status409Conflict, "Not completed", $"Analysis {id} is {state}; its result exists once it is completed.", "not_completed");
        }
        var blob = storage.Blob(id, AnalysisBlobs.Result);
        var download = await blob.OpenReadAsync(cancellationToken: cancellationToken);
        return TypedResults.Stream(download, "application/json");
    }

    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> GetArtifact(
        Guid id, string artifact, Caller caller, DanceDbContext db, AnalysisStorage storage,
        IOptionsMonitor<AnalysesOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        await ArtifactLinkAsync(id, artifact, caller, db, storage, options, time, cancellationToken) switch
        {
            (ArtifactLink link, null) => TypedResults.Redirect(link.Url),
            (_, var problem) => problem!,
        };

    private static async Task<Results<Ok<ArtifactLink>, ProblemHttpResult>> GetArtifactLink(
        Guid id, string artifact, Caller caller, DanceDbContext db, AnalysisStorage storage,
        IOptionsMonitor<AnalysesOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        await ArtifactLinkAsync(id, artifact, caller, db, storage, options, time, cancellationToken) switch
        {
            (ArtifactLink link, null) => TypedResults.Ok(link),
            (_, var problem) => problem!,
        };

    /// <summary>A short-lived read link to the artifact, or the problem that says why there is none.</summary>
    private static async Task<(ArtifactLink? Link, ProblemHttpResult? Problem)> ArtifactLinkAsync(
        Guid id, string artifact, Caller caller, DanceDbContext db, AnalysisStorage storage,
        IOptionsMonitor<AnalysesOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!AnalysisBlobs.Artifacts.Contains(artifact))
        {
            return (null, Problem(StatusCodes.Status404NotFound, "No such artifact",
                $"'{artifact}' is not an artifact; there are {string.Join(", ", AnalysisBlobs.Artifacts)}.", "no_such_artifact"));
        }
        if (await FindAsync(db, id, caller, cancellationToken) is not { } row)
        {
            return (null, NoSuchAnalysis(id));
        }
        var state = UploadViews.PublicState(row.Analysis, row.Job);
        var ready = artifact == AnalysisBlobs.Original ? row.Analysis.State == UploadStates.Submitted : state == "completed";
        if (!ready)
        {
            return (null, Problem(StatusCodes.Status409Conflict, "Not available yet", $"Analysis {id} is {state}; its {artifact} is not available.", "not_completed"));
        }
        if (!await storage.ExistsAsync(id, artifact, cancellationToken))
        {
            var why = artifact == AnalysisBlobs.Overlay && !row.Analysis.Overlay ? " (the overlay was not asked for)" : "";
            return (null, Problem(StatusCodes.Status404NotFound, "No such artifact", $"Analysis {id} has no {artifact}{why}.", "no_such_artifact"));
        }
        var expiresAt = time.GetUtcNow().AddMinutes(options.CurrentValue.DownloadUrlMinutes);
        var url = await storage.ReadUrlAsync(id, artifact, expiresAt, cancellationToken);
        return (new ArtifactLink(url.AbsoluteUri, expiresAt), null);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid id, Caller caller, DanceDbContext db, AnalysisStorage storage, JobCreator jobs, MoveLibrary library, MoveStorage moveStorage,
        CancellationToken cancellationToken)
    {
        var analysis = await db.Analyses.VisibleTo(caller).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (analysis is null)
        {
            return NoSuchAnalysis(id);
        }
        // Its moves go with it (the rows by cascade): out of the index and storage too.
        var moves = await db.Moves.Where(m => m.AnalysisId == id).Select(m => m.Id).ToListAsync(cancellationToken);
        await JobRowDeletion.DeleteAsync(db, jobs, analysis, analysis.JobId, storage, id, cancellationToken);
        library.Remove(moves);
        await moveStorage.DeleteAllAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The analyses a caller may see: their own, or any for an admin (others' are 404, never 403).</summary>
    private static IQueryable<VideoAnalysis> VisibleTo(this IQueryable<VideoAnalysis> analyses, Caller caller) =>
        caller.IsAdmin ? analyses : analyses.Where(a => a.OwnerId == caller.UserId);

    internal static VideoAnalysis NewAnalysis(
        Caller caller, string fileName, string contentType, AnalysisRequestOptions? options, string method, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OwnerId = caller.UserId,
        State = UploadStates.AwaitingUpload,
        Model = options?.Model ?? PoseModels.Default,
        Overlay = options?.Overlay ?? true,
        FileName = fileName,
        ContentType = contentType,
        UploadMethod = method,
        CreatedAt = now,
    };

    private static IQueryable<AnalysisWithJob> WithJobs(DanceDbContext db, IQueryable<VideoAnalysis> analyses) =>
        from a in analyses
        join j in db.Jobs on a.JobId equals j.Id into jobs
        from job in jobs.DefaultIfEmpty()
        select new AnalysisWithJob(a, job);

    private static Task<AnalysisWithJob?> FindAsync(DanceDbContext db, Guid id, Caller caller, CancellationToken cancellationToken) =>
        WithJobs(db, db.Analyses.AsNoTracking().VisibleTo(caller).Where(a => a.Id == id))
            .SingleOrDefaultAsync(cancellationToken);

    private static async Task<AnalysisView> ViewAsync(DanceDbContext db, Guid id, CancellationToken cancellationToken) =>
        AnalysisViews.View(await WithJobs(db, db.Analyses.AsNoTracking().Where(a => a.Id == id)).SingleAsync(cancellationToken));

    internal static ProblemHttpResult NoSuchAnalysis(Guid id) => ApiProblems.NotFound("analysis", id);

    internal static ProblemHttpResult Problem(int status, string title, string detail, string? code, Guid? analysisId = null) =>
        ApiProblems.Problem(status, title, detail, code, ("analysisId", analysisId));
}
