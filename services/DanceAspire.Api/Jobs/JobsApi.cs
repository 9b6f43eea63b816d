using DanceAspire.Api.Accounts;
using DanceAspire.Data;
using DanceAspire.Data.Jobs;
using DanceAspire.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DanceAspire.Api.Jobs;

public static class JobsApi
{
    private static readonly string[] AllStates =
        [JobStates.Pending, JobStates.Queued, JobStates.Running, .. JobStates.Final];

    /// <summary>/api/v1/jobs: create, list, read and cancel jobs, and follow one live (SSE, WebSocket).</summary>
    public static RouteGroupBuilder MapJobsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/jobs").WithTags("Jobs");
        group.MapPost("", CreateJob)
            .WithName("CreateJob")
            .WithSummary("Creates a job of a public kind and charges its cost; an Idempotency-Key makes retries safe.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status402PaymentRequired);
        group.MapGet("", ListJobs)
            .WithName("ListJobs")
            .WithSummary("The caller's jobs, newest first.")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetJob)
            .WithName("GetJob")
            .WithSummary("A job's state, progress, result or error, and its attempt history.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/cancel", CancelJob)
            .WithName("CancelJob")
            .WithSummary("Asks the dispatcher to cancel the job (and refund it).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        JobStreamsApi.MapJobStreams(group);
        return group;
    }

    /// <summary>The jobs a caller may see: their own, or every job for an admin.</summary>
    internal static IQueryable<Job> VisibleTo(this IQueryable<Job> jobs, Caller caller) =>
        caller.IsAdmin ? jobs : jobs.Where(j => j.OwnerId == caller.UserId);

    internal static ProblemHttpResult NoSuchJob(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"No job {id}.");

    private static async Task<Results<Created<JobDetail>, Ok<JobDetail>, ValidationProblem, ProblemHttpResult>> CreateJob(
        CreateJobRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        Caller caller,
        JobCreator creator,
        IOptionsMonitor<JobsOptions> jobs,
        CancellationToken cancellationToken)
    {
        var errors = JobRequestRules.Validate(request, idempotencyKey);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The job request is not valid; see errors.");
        }
        var kinds = jobs.CurrentValue;
        if (!kinds.Kinds.TryGetValue(request.Kind!, out var kind) || !kind.Public)
        {
            var known = JobRequestRules.PublicKinds(kinds);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unknown job kind",
                detail: $"There is no job kind '{request.Kind}' to create here; known kinds: {(known.Count == 0 ? "none" : string.Join(", ", known))}.");
        }

        var newJob = new NewJob(request.Kind!, JobRequestRules.PayloadJson(request.Payload), request.Priority ?? 0, idempotencyKey);
        return await creator.CreateAsync(caller.UserId, newJob, kind, cancellationToken) switch
        {
            JobCreation.Created created => TypedResults.Created($"/api/v1/jobs/{created.Job.Id}", JobViews.Detail(created.Job)),
            JobCreation.AlreadyCreated existing => TypedResults.Ok(JobViews.Detail(existing.Job)),
            JobCreation.NotEnoughCoins poor => TypedResults.Problem(
                statusCode: StatusCodes.Status402PaymentRequired,
                title: "Not enough coins",
                detail: $"A {request.Kind} job costs {Coins(poor.Cost)} and your balance is {Coins(poor.Balance)}."),
            var other => throw new InvalidOperationException($"Unexpected job creation outcome {other}."),
        };
    }

    private static async Task<Results<Ok<Page<JobSummary>>, ValidationProblem>> ListJobs(
        Caller caller, DanceDbContext db, int? page, int? pageSize, string? state, string? kind, CancellationToken cancellationToken)
    {
        var (paging, errors) = Paging.From(page, pageSize);
        if (state is not null && !AllStates.Contains(state))
        {
            errors["state"] = [$"state is one of {string.Join(", ", AllStates)}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query parameters are not valid; see errors.");
        }

        // Admins too list their own jobs here; they reach others' by id.
        var jobs = db.Jobs.AsNoTracking().Where(j => j.OwnerId == caller.UserId);
        if (state is not null)
        {
            jobs = jobs.Where(j => j.State == state);
        }
        if (kind is not null)
        {
            jobs = jobs.Where(j => j.Kind == kind);
        }
        var total = await jobs.CountAsync(cancellationToken);
        var items = await jobs
            .OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(JobViews.Summary)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<JobSummary>(items, paging.PageNumber, paging.PageSize, total));
    }

    private static async Task<Results<Ok<JobDetail>, ProblemHttpResult>> GetJob(Guid id, Caller caller, DanceDbContext db, CancellationToken cancellationToken) =>
        await FindAsync(db, id, caller, cancellationToken) is { } job ? TypedResults.Ok(JobViews.Detail(job)) : NoSuchJob(id);

    private static async Task<Results<Accepted<JobDetail>, ProblemHttpResult>> CancelJob(
        Guid id, Caller caller, DanceDbContext db, JobCreator creator, CancellationToken cancellationToken)
    {
        var state = await db.Jobs.VisibleTo(caller).Where(j => j.Id == id).Select(j => j.State).SingleOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            return NoSuchJob(id);
        }
        if (!await creator.RequestCancelAsync(id, cancellationToken))
        {
            var final = await db.Jobs.Where(j => j.Id == id).Select(j => j.State).SingleAsync(cancellationToken);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Job already ended",
                detail: $"Job {id} is {final}; there is nothing to cancel.");
        }
        var job = (await FindAsync(db, id, caller, cancellationToken))!;
        return TypedResults.Accepted($"/api/v1/jobs/{id}", JobViews.Detail(job));
    }

    internal static Task<Job?> FindAsync(DanceDbContext db, Guid id, Caller caller, CancellationToken cancellationToken) =>
        db.Jobs.AsNoTracking().Include(j => j.Attempts).VisibleTo(caller).SingleOrDefaultAsync(j => j.Id == id, cancellationToken);

    private static string Coins(int amount) => amount == 1 ? "1 coin" : $"{amount} coins";
}
