using System.Text.Json;
using DanceAspire.Api.Accounts;
using DanceAspire.Api.Analyses;
using DanceAspire.Api.Jobs;
using DanceAspire.Api.Uploads;
using DanceAspire.Choreography.Blueprints;
using DanceAspire.Choreography.Descriptions;
using DanceAspire.Choreography.Jobs;
using DanceAspire.Choreography.Planning;
using DanceAspire.Data;
using DanceAspire.Data.Choreographies;
using DanceAspire.Data.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ChoreographyRow = DanceAspire.Data.Choreographies.Choreography;

namespace DanceAspire.Api.Choreographies;

/// <summary>
/// /api/v1/choreography: a dance planned for a song (chosen, or described in words) or written as a blueprint, then
/// assembled into a video; /api/v1/compositions: a hand-made sequence of moves; /api/v1/blueprints: the schema.
/// </summary>
public static class ChoreographyApi
{
    public const int MaxQueryLength = 1000;
    public const int MaxCompositionItems = 200;
    // Room for a blueprint well past the move limit, so an over-long one is told its count, not its size.
    public const int MaxBlueprintBytes = 8 * 1024 * 1024;

    public static IEndpointRouteBuilder MapChoreographyApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/choreography").WithTags("Choreography");
        group.MapPost("/from-song", FromSong)
            .WithName("ChoreographFromSong")
            .WithSummary("Plans a dance for one of the caller's analyzed songs from their move library and queues its video.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/from-description", FromDescription)
            .WithName("ChoreographFromDescription")
            .WithSummary("Reads difficulty, energy, style, tempo, song and length from a description, picks a song, plans and queues the video.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/from-blueprint", FromBlueprint)
            .WithName("ChoreographFromBlueprint")
            .WithSummary("Queues the video of a blueprint written by hand (blueprint.schema.json); its clips and song must be the caller's.")
            .Accepts<Blueprint>("application/json")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("", List)
            .WithName("ListChoreographies")
            .WithSummary("The caller's choreographies, newest first.")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", Get)
            .WithName("GetChoreography")
            .WithSummary("A choreography's state, progress, blueprint and, once assembled, a short-lived link to its video.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/blueprint", GetBlueprint)
            .WithName("GetChoreographyBlueprint")
            .WithSummary("The choreography's blueprint, as the assembler reads it.")
            .Produces<Blueprint>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", Delete)
            .WithName("DeleteChoreography")
            .WithSummary("Deletes the choreography and its video (a running assembly is canceled).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        endpoints.MapPost("/api/v1/compositions", Compose)
            .WithTags("Choreography")
            .WithName("Compose")
            .WithSummary("Builds the blueprint of a hand-made sequence of moves over a song and queues its video.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var blueprints = endpoints.MapGroup("/api/v1/blueprints").WithTags("Choreography");
        blueprints.MapGet("/schema", () => TypedResults.Text(BlueprintSchema.Json, "application/schema+json"))
            .WithName("GetBlueprintSchema")
            .WithSummary("The blueprint's JSON Schema (draft 2020-12).")
            .AllowAnonymous();
        blueprints.MapPost("/validate", Validate)
            .WithName("ValidateBlueprint")
            .WithSummary("Checks a blueprint against the schema and the assembler's rules; every problem names its field.")
            .Accepts<Blueprint>("application/json");
        return endpoints;
    }

    private static async Task<Results<Accepted<ChoreographyView>, ValidationProblem, ProblemHttpResult>> FromSong(
        FromSongRequest request, Caller caller, ChoreographyMaker maker, ChoreographyViews views, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.SongId is null) errors["songId"] = ["songId is required."];
        var plan = PlanRequestRules.From(request.Difficulty, request.EnergyLevel, request.Style, request.DurationSeconds, request.Transition, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The request is not valid; see errors.");
        }
        var (song, problem) = await maker.SongAsync(caller.UserId, request.SongId!.Value, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        return await PlanAndSubmitAsync(caller, maker, views, ChoreographySources.Song, song!, plan!, request, cancellationToken);
    }

    private static async Task<Results<Accepted<ChoreographyView>, ValidationProblem, ProblemHttpResult>> FromDescription(
        FromDescriptionRequest request, Caller caller, ChoreographyMaker maker, ChoreographyViews views, IDescriptionInterpreter interpreter,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Query) || request.Query.Length > MaxQueryLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [$"query is 1 to {MaxQueryLength} characters describing the dance."] },
                detail: "The request is not valid; see errors.");
        }
        var hints = await interpreter.InterpretAsync(request.Query, cancellationToken);
        AnalyzedSong? song;
        if (request.SongId is { } songId)
        {
            (song, var problem) = await maker.SongAsync(caller.UserId, songId, cancellationToken);
            if (problem is not null) return problem;
        }
        else
        {
            var songs = await maker.AnalyzedSongsAsync(caller.UserId, cancellationToken);
            var choice = SongPicker.Pick(hints, songs.Select(s => s.Choice).ToList());
            song = choice is null ? null : songs.Single(s => s.Id.ToString("D") == choice.Id);
            if (song is null)
            {
                return ApiProblems.Problem(StatusCodes.Status409Conflict, "No song",
                    "You have no analyzed song to dance to: upload one (POST /api/v1/songs) and wait until it is completed.", "no_song");
            }
        }
        var plan = new PlanRequest
        {
            TaskId = "",
            Difficulty = hints.Difficulty ?? 3,
            Energy = hints.Energy,
            Style = hints.Style,
            MaxDurationSeconds = hints.DurationSeconds,
        };
        var recorded = new { request.Query, request.SongId, Interpreted = hints, PickedSong = song!.Id };
        return await PlanAndSubmitAsync(caller, maker, views, ChoreographySources.Description, song, plan, recorded, cancellationToken);
    }

    private static async Task<Results<Accepted<ChoreographyView>, ValidationProblem, ProblemHttpResult>> PlanAndSubmitAsync(
        Caller caller, ChoreographyMaker maker, ChoreographyViews views, string source, AnalyzedSong song, PlanRequest plan, object request,
        CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var moves = await maker.CandidatesAsync(caller.UserId, cancellationToken);
        if (moves.Count == 0)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "No moves",
                "Your move library is empty: moves come from analyzed videos (POST /api/v1/analyses).", "no_moves");
        }
        var result = BlueprintPlanner.Plan(song.Timing, moves, plan with { TaskId = id.ToString("D") });
        if (!result.Succeeded)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Cannot choreograph", result.Error!, "plan_failed", ("songId", song.Id));
        }
        var (choreography, problem) = await maker.SubmitAsync(id, caller.UserId, source, song.Id, request, result.Blueprint!, cancellationToken);
        if (problem is not null) return problem;
        return TypedResults.Accepted($"/api/v1/choreography/{id}", await views.ViewAsync(choreography!.Id, cancellationToken));
    }

    private static async Task<Results<Accepted<ChoreographyView>, ValidationProblem, ProblemHttpResult>> Compose(
        CompositionRequest request, Caller caller, DanceDbContext db, ChoreographyMaker maker, ChoreographyViews views, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.SongId is null) errors["songId"] = ["songId is required: a blueprint always has a song under it."];
        if (request.Items is not { Count: > 0 } items) errors["items"] = ["items lists at least one move."];
        else if (items.Count > MaxCompositionItems) errors["items"] = [$"A composition has at most {MaxCompositionItems} items."];
        else
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].MoveId is null) errors[$"items[{i}].moveId"] = ["moveId is required."];
                if (items[i].Transition is { } t && PlanRequestRules.Transition(t) is null)
                    errors[$"items[{i}].transition"] = [$"'{t}' is not one of cut, crossfade, fade_black."];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The composition is not valid; see errors.");
        }
        var (song, problem) = await maker.SongAsync(caller.UserId, request.SongId!.Value, cancellationToken);
        if (problem is not null) return problem;

        var ids = request.Items!.Select(i => i.MoveId!.Value).Distinct().ToList();
        var moves = (await maker.CandidatesAsync(caller.UserId, cancellationToken)).Where(m => ids.Contains(Guid.Parse(m.Id))).ToDictionary(m => Guid.Parse(m.Id));
        if (ids.FirstOrDefault(id => !moves.ContainsKey(id)) is var missing && missing != Guid.Empty)
        {
            return ApiProblems.NotFound("move", missing);
        }
        var parts = request.Items!.Select(i => new CompositionPart(moves[i.MoveId!.Value], i.Bars, i.Duration,
            PlanRequestRules.Transition(i.Transition ?? "cut")!.Value)).ToList();
        var id = Guid.CreateVersion7();
        var (blueprint, buildErrors) = CompositionBuilder.Build(id.ToString("D"), song!.Timing, parts, PlanRequest.DefaultOutput);
        if (blueprint is null)
        {
            return TypedResults.ValidationProblem(ChoreographyMaker.Fields(buildErrors), detail: "The composition cannot be built; see errors.");
        }
        var (choreography, submitProblem) = await maker.SubmitAsync(id, caller.UserId, ChoreographySources.Composition, song.Id, request, blueprint, cancellationToken);
        if (submitProblem is not null) return submitProblem;
        return TypedResults.Accepted($"/api/v1/choreography/{id}", await views.ViewAsync(choreography!.Id, cancellationToken));
    }

    private static async Task<Results<Accepted<ChoreographyView>, ProblemHttpResult>> FromBlueprint(
        HttpContext http, Caller caller, DanceDbContext db, ChoreographyMaker maker, ChoreographyViews views, CancellationToken cancellationToken)
    {
        var (blueprint, errors, problem) = await ReadBlueprintAsync(http, caller, db, cancellationToken);
        if (problem is not null) return problem;
        if (errors.Count > 0) return ChoreographyMaker.BlueprintProblem(errors);
        var id = Guid.CreateVersion7();
        var songId = SongIdOf(blueprint!.Audio.Path);
        var (choreography, submitProblem) = await maker.SubmitAsync(id, caller.UserId, ChoreographySources.Blueprint, songId,
            new { blueprint.TaskId }, blueprint, cancellationToken);
        if (submitProblem is not null) return submitProblem;
        return TypedResults.Accepted($"/api/v1/choreography/{id}", await views.ViewAsync(choreography!.Id, cancellationToken));
    }

    private static async Task<Results<Ok<BlueprintCheck>, ProblemHttpResult>> Validate(
        HttpContext http, Caller caller, DanceDbContext db, CancellationToken cancellationToken)
    {
        var (_, errors, problem) = await ReadBlueprintAsync(http, caller, db, cancellationToken);
        return problem is not null ? problem : TypedResults.Ok(new BlueprintCheck(errors.Count == 0, ChoreographyMaker.Fields(errors)));
    }

    /// <summary>
    /// Reads a blueprint from the body and checks it: the schema and the assembler's rules, then that every clip is one
    /// of the caller's moves and the song one of the caller's songs (a path inside our containers is not enough). The
    /// blueprint when it passed, else its errors by field; a problem only when the body could not be read at all.
    /// </summary>
    private static async Task<(Blueprint? Blueprint, IReadOnlyList<BlueprintError> Errors, ProblemHttpResult? Problem)> ReadBlueprintAsync(
        HttpContext http, Caller caller, DanceDbContext db, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > MaxBlueprintBytes)
        {
            return (null, [], ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Blueprint too large",
                $"A blueprint is at most {UploadSizes.Bytes(MaxBlueprintBytes)}.", "too_large"));
        }
        using var reader = new StreamReader(http.Request.Body);
        var buffer = new char[MaxBlueprintBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        if (read > MaxBlueprintBytes)
        {
            return (null, [], ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Blueprint too large",
                $"A blueprint is at most {UploadSizes.Bytes(MaxBlueprintBytes)}.", "too_large"));
        }
        var validation = BlueprintValidator.Validate(new string(buffer, 0, read), BlueprintLimits.Default);
        if (!validation.IsValid)
        {
            return (null, validation.Errors, null);
        }
        var blueprint = validation.Blueprint!;
        var errors = new List<BlueprintError>();
        var paths = blueprint.Moves.Select(m => m.VideoPath).Distinct().ToList();
        var ours = (await db.Moves.AsNoTracking().Where(m => m.OwnerId == caller.UserId && paths.Contains(m.ClipPath))
            .Select(m => m.ClipPath).ToListAsync(cancellationToken)).ToHashSet();
        for (var i = 0; i < blueprint.Moves.Count; i++)
        {
            if (!ours.Contains(blueprint.Moves[i].VideoPath))
                errors.Add(new($"moves[{i}].video_path", $"'{blueprint.Moves[i].VideoPath}' is not a clip of one of your moves"));
        }
        var songId = SongIdOf(blueprint.Audio.Path);
        if (songId is null || !await db.Songs.AnyAsync(s => s.Id == songId && s.OwnerId == caller.UserId && s.State == UploadStates.Submitted, cancellationToken))
        {
            errors.Add(new("audio.path", $"'{blueprint.Audio.Path}' is not one of your songs"));
        }
        return errors.Count > 0 ? (null, errors, null) : (blueprint, [], null);
    }

    /// <summary>The song id of an audio path "songs/{id}/original", or null for any other path.</summary>
    private static Guid? SongIdOf(string path)
    {
        var parts = path.Split('/');
        return parts is [Music.Jobs.SongAnalysisJob.Container, var id, "original"] && Guid.TryParse(id, out var songId) ? songId : null;
    }

    private static async Task<Results<Ok<Page<ChoreographyView>>, ValidationProblem>> List(
        Caller caller, DanceDbContext db, ChoreographyViews views, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (paging, errors) = Paging.From(page, pageSize);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query parameters are not valid; see errors.");
        }
        var mine = db.Choreographies.AsNoTracking().Where(c => c.OwnerId == caller.UserId);
        var total = await mine.CountAsync(cancellationToken);
        var ids = await mine.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(c => c.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<ChoreographyView>(await views.ViewsAsync(ids, cancellationToken), paging.PageNumber, paging.PageSize, total));
    }

    private static async Task<Results<Ok<ChoreographyView>, ProblemHttpResult>> Get(
        Guid id, Caller caller, DanceDbContext db, ChoreographyViews views, CancellationToken cancellationToken) =>
        await db.Choreographies.AsNoTracking().VisibleTo(caller).AnyAsync(c => c.Id == id, cancellationToken)
            ? TypedResults.Ok(await views.ViewAsync(id, cancellationToken))
            : NoSuchChoreography(id);

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetBlueprint(
        Guid id, Caller caller, DanceDbContext db, CancellationToken cancellationToken) =>
        await db.Choreographies.AsNoTracking().VisibleTo(caller).Where(c => c.Id == id).Select(c => c.Blueprint).SingleOrDefaultAsync(cancellationToken) is { } json
            ? TypedResults.Content(json, "application/json")
            : NoSuchChoreography(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid id, Caller caller, DanceDbContext db, ChoreographyStorage storage, JobCreator jobs, CancellationToken cancellationToken)
    {
        var choreography = await db.Choreographies.VisibleTo(caller).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (choreography is null)
        {
            return NoSuchChoreography(id);
        }
        await JobRowDeletion.DeleteAsync(db, jobs, choreography, choreography.JobId, storage, id, cancellationToken);
        return TypedResults.NoContent();
    }

    internal static IQueryable<ChoreographyRow> VisibleTo(this IQueryable<ChoreographyRow> choreographies, Caller caller) =>
        caller.IsAdmin ? choreographies : choreographies.Where(c => c.OwnerId == caller.UserId);

    private static ProblemHttpResult NoSuchChoreography(Guid id) => ApiProblems.NotFound("choreography", id);
}
