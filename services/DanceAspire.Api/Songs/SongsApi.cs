using DanceAspire.Api.Accounts;
using DanceAspire.Api.Jobs;
using DanceAspire.Api.Analyses;
using DanceAspire.Api.Uploads;
using DanceAspire.Data;
using DanceAspire.Data.Songs;
using DanceAspire.Media.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DanceAspire.Api.Songs;

/// <summary>/api/v1/songs: upload a song (a direct-to-storage link, or multipart), read its tempo, beats and sections, delete it.</summary>
public static class SongsApi
{
    public const int MaxTitleLength = 200;

    public static RouteGroupBuilder MapSongsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/songs").WithTags("Songs");
        group.MapPost("/upload-url", CreateUploadUrl)
            .WithName("CreateSongUploadUrl")
            .WithSummary("Starts a song upload: a write-only URL (15 minutes) to PUT the file to, then confirm.")
            .ProducesValidationProblem();
        group.MapPost("/{id:guid}/confirm", Confirm)
            .WithName("ConfirmSongUpload")
            .WithSummary("Checks the uploaded song with ffprobe (mp3, wav, ogg, flac, m4a/aac; duration limit) and queues its analysis.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("", Upload)
            .WithName("UploadSong")
            .WithSummary("Uploads a song as multipart/form-data (a 'file' part, an optional 'title' field) and queues its analysis.")
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("", List)
            .WithName("ListSongs")
            .WithSummary("The caller's songs, newest first, with their tempo once analyzed.")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", Get)
            .WithName("GetSong")
            .WithSummary("A song's state and, once analyzed, its tempo, beats, downbeats, bar length, sections and energy curve.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/audio/link", GetAudioLink)
            .WithName("GetSongAudioLink")
            .WithSummary("A short-lived read link to the uploaded song.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", Delete)
            .WithName("DeleteSong")
            .WithSummary("Deletes the song and its file (a running analysis is canceled; choreographies keep their videos).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Created<SongUploadTicket>, ValidationProblem>> CreateUploadUrl(
        SongUploadUrlRequest request, Caller caller, DanceDbContext db, SongStorage storage,
        IOptionsMonitor<AnalysesOptions> options, IOptions<AudioLimits> limits, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        UploadRules.ValidateFileName(request.FileName, errors);
        UploadRules.ValidateContentType(request.ContentType, "audio", "audio/ogg", errors);
        UploadRules.ValidateSize(request.SizeBytes, limits.Value.MaxSizeBytes, errors);
        ValidateTitle(request.Title, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The upload request is not valid; see errors.");
        }
        var now = time.GetUtcNow();
        var song = NewSong(caller, request.FileName!, request.ContentType!, request.Title, "sas", now);
        var link = await UploadLinks.IssueAsync(db, song, request.SizeBytes!.Value, storage, SongStorage.Original,
            options.CurrentValue.UploadUrlMinutes, now, cancellationToken);
        return TypedResults.Created($"/api/v1/songs/{song.Id}", new SongUploadTicket(song.Id, link.Url, link.ExpiresAt, link.RequiredHeaders));
    }

    private static async Task<Results<Accepted<SongView>, Ok<SongView>, ValidationProblem, ProblemHttpResult>> Confirm(
        Guid id, Caller caller, DanceDbContext db, SongSubmitter submitter, TimeProvider time, CancellationToken cancellationToken)
    {
        var song = await db.Songs.VisibleTo(caller).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (song is null)
        {
            return NoSuchSong(id);
        }
        if (song.State == UploadStates.Submitted)
        {
            return TypedResults.Ok(await ViewAsync(db, id, cancellationToken));
        }
        if (UploadViews.ConfirmProblem(song, time.GetUtcNow(), "songId") is { } problem)
        {
            return problem;
        }
        return await SubmitAsync(db, submitter, song, cancellationToken);
    }

    private static async Task<Results<Accepted<SongView>, Ok<SongView>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        DanceDbContext db, SongSubmitter submitter, Song song, CancellationToken cancellationToken) =>
        await submitter.SubmitAsync(song, cancellationToken) switch
        {
            Submission.Queued => TypedResults.Accepted($"/api/v1/songs/{song.Id}", await ViewAsync(db, song.Id, cancellationToken)),
            Submission.Rejected rejected => ApiProblems.Problem(rejected.StatusCode,
                rejected.StatusCode == StatusCodes.Status409Conflict ? "Not uploaded" : "Song rejected", rejected.Reason, rejected.Code, ("songId", song.Id)),
            Submission.NotEnoughCoins poor => ApiProblems.Problem(StatusCodes.Status402PaymentRequired, "Not enough coins",
                $"A song analysis costs {poor.Cost} coins and your balance is {poor.Balance}.", "not_enough_coins", ("songId", song.Id)),
            var other => throw new InvalidOperationException($"Unexpected submission {other}."),
        };

    private static async Task<Results<Accepted<SongView>, Ok<SongView>, ValidationProblem, ProblemHttpResult>> Upload(
        HttpContext http, Caller caller, DanceDbContext db, SongStorage storage, SongSubmitter submitter,
        IOptions<AudioLimits> limits, TimeProvider time, CancellationToken cancellationToken)
    {
        var song = NewSong(caller, "upload", "application/octet-stream", null, "multipart", time.GetUtcNow());
        await storage.EnsureContainerAsync(cancellationToken);
        var (content, problem) = await MultipartFileReader.ReadAsync(
            http, storage.Blob(song.Id, SongStorage.Original), limits.Value.MaxSizeBytes, ["title"], "song", cancellationToken);
        if (problem is not null)
        {
            await storage.DeleteAllAsync(song.Id, CancellationToken.None);
            return problem;
        }
        var errors = new Dictionary<string, string[]>();
        if (content!.SizeBytes is null)
        {
            errors["file"] = ["A 'file' part with the song is required."];
        }
        else
        {
            UploadRules.ValidateFileName(content.FileName, errors);
        }
        var title = content.Fields.GetValueOrDefault("title");
        ValidateTitle(title, errors);
        if (errors.Count > 0)
        {
            await storage.DeleteAllAsync(song.Id, CancellationToken.None);
            return TypedResults.ValidationProblem(errors, detail: "The upload is not valid; see errors.");
        }
        song.FileName = content.FileName!;
        song.ContentType = content.ContentType!;
        song.SizeBytes = content.SizeBytes!.Value;
        song.Title = string.IsNullOrWhiteSpace(title) ? SongViews.DefaultTitle(song.FileName) : title.Trim();
        db.Songs.Add(song);
        await db.SaveChangesAsync(cancellationToken);
        return await SubmitAsync(db, submitter, song, cancellationToken);
    }

    private static async Task<Results<Ok<Page<SongView>>, ValidationProblem>> List(
        Caller caller, DanceDbContext db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (paging, errors) = Paging.From(page, pageSize);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query parameters are not valid; see errors.");
        }
        var mine = db.Songs.AsNoTracking().Where(s => s.OwnerId == caller.UserId);
        var total = await mine.CountAsync(cancellationToken);
        var rows = await WithJobs(db, mine.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Skip(paging.Skip).Take(paging.PageSize))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<SongView>(rows.Select(row => SongViews.View(row, withAnalysis: false)).ToList(), paging.PageNumber, paging.PageSize, total));
    }

    private static async Task<Results<Ok<SongView>, ProblemHttpResult>> Get(Guid id, Caller caller, DanceDbContext db, CancellationToken cancellationToken) =>
        await FindAsync(db, id, caller, cancellationToken) is { } row ? TypedResults.Ok(SongViews.View(row, withAnalysis: true)) : NoSuchSong(id);

    private static async Task<Results<Ok<ArtifactLink>, ProblemHttpResult>> GetAudioLink(
        Guid id, Caller caller, DanceDbContext db, SongStorage storage, IOptionsMonitor<AnalysesOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var song = await db.Songs.AsNoTracking().VisibleTo(caller).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (song is null)
        {
            return NoSuchSong(id);
        }
        if (song.State != UploadStates.Submitted)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "Not available", $"Song {id} has no accepted upload.", "not_uploaded", ("songId", id));
        }
        var expiresAt = time.GetUtcNow().AddMinutes(options.CurrentValue.DownloadUrlMinutes);
        var url = await storage.ReadUrlAsync(id, SongStorage.Original, expiresAt, cancellationToken);
        return TypedResults.Ok(new ArtifactLink(url.AbsoluteUri, expiresAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid id, Caller caller, DanceDbContext db, SongStorage storage, JobCreator jobs, CancellationToken cancellationToken)
    {
        var song = await db.Songs.VisibleTo(caller).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (song is null)
        {
            return NoSuchSong(id);
        }
        await JobRowDeletion.DeleteAsync(db, jobs, song, song.JobId, storage, id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static void ValidateTitle(string? title, Dictionary<string, string[]> errors)
    {
        if (title is not null && (title.Length > MaxTitleLength || title.Any(char.IsControl)))
        {
            errors["title"] = [$"title must be at most {MaxTitleLength} printable characters."];
        }
    }

    /// <summary>The songs a caller may see: their own, or any for an admin (others' are 404, never 403).</summary>
    internal static IQueryable<Song> VisibleTo(this IQueryable<Song> songs, Caller caller) =>
        caller.IsAdmin ? songs : songs.Where(s => s.OwnerId == caller.UserId);

    private static Song NewSong(Caller caller, string fileName, string contentType, string? title, string method, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OwnerId = caller.UserId,
        State = UploadStates.AwaitingUpload,
        Title = string.IsNullOrWhiteSpace(title) ? SongViews.DefaultTitle(fileName) : title.Trim(),
        FileName = fileName,
        ContentType = contentType,
        UploadMethod = method,
        CreatedAt = now,
    };

    internal static IQueryable<SongWithJob> WithJobs(DanceDbContext db, IQueryable<Song> songs) =>
        from s in songs
        join j in db.Jobs on s.JobId equals j.Id into jobs
        from job in jobs.DefaultIfEmpty()
        select new SongWithJob(s, job);

    internal static Task<SongWithJob?> FindAsync(DanceDbContext db, Guid id, Caller caller, CancellationToken cancellationToken) =>
        WithJobs(db, db.Songs.AsNoTracking().VisibleTo(caller).Where(s => s.Id == id)).SingleOrDefaultAsync(cancellationToken);

    private static async Task<SongView> ViewAsync(DanceDbContext db, Guid id, CancellationToken cancellationToken) =>
        SongViews.View(await WithJobs(db, db.Songs.AsNoTracking().Where(s => s.Id == id)).SingleAsync(cancellationToken), withAnalysis: true);

    internal static ProblemHttpResult NoSuchSong(Guid id) => ApiProblems.NotFound("song", id);
}
