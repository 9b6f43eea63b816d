using System.Text.Json;
using DanceAspire.Api.Jobs;
using DanceAspire.Api.Songs;
using DanceAspire.Choreography.Blueprints;
using DanceAspire.Choreography.Descriptions;
using DanceAspire.Choreography.Jobs;
using DanceAspire.Choreography.Planning;
using DanceAspire.Data;
using DanceAspire.Data.Jobs;
using DanceAspire.Jobs;
using DanceAspire.Music.Jobs;
using DanceAspire.Music.Songs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ChoreographyRow = DanceAspire.Data.Choreographies.Choreography;

namespace DanceAspire.Api.Choreographies;

/// <summary>An analyzed song of the caller, ready for planning.</summary>
public sealed record AnalyzedSong(Guid Id, string Title, SongAnalysis Analysis)
{
    public SongTiming Timing => new(
        $"{SongAnalysisJob.Container}/{SongAnalysisJob.OriginalName(Id)}",
        Analysis.DurationSeconds,
        Analysis.TempoBpm,
        Analysis.Beats,
        Analysis.Downbeats,
        Analysis.BarSeconds,
        Analysis.Sections.Select(s => new EnergySection(s.StartSeconds, s.EndSeconds, s.Energy)).ToList());

    public SongChoice Choice => new(Id.ToString("D"), Title, Analysis.TempoBpm, Analysis.DurationSeconds,
        Analysis.EnergyCurve.Length > 0 ? Analysis.EnergyCurve.Average() : 0);
}

/// <summary>
/// What every way of making a choreography shares: reading the caller's songs and moves, and storing a blueprint with
/// its assembly job in one transaction.
/// </summary>
public sealed class ChoreographyMaker(DanceDbContext db, JobCreator jobs, IOptionsMonitor<JobsOptions> jobOptions, TimeProvider time)
{
    /// <summary>The caller's song with its analysis, or the problem: no such song (404), or not analyzed yet (409).</summary>
    public async Task<(AnalyzedSong? Song, ProblemHttpResult? Problem)> SongAsync(Guid ownerId, Guid songId, CancellationToken cancellationToken)
    {
        var row = await SongsApi.WithJobs(db, db.Songs.AsNoTracking().Where(s => s.Id == songId && s.OwnerId == ownerId))
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return (null, SongsApi.NoSuchSong(songId));
        }
        if (row.Job is not { State: JobStates.Succeeded } job || SongViews.Analysis(job) is not { } analysis)
        {
            var state = Uploads.UploadViews.PublicState(row.Song, row.Job);
            return (null, ApiProblems.Problem(StatusCodes.Status409Conflict, "Song not analyzed",
                $"Song {songId} is {state}; a choreography needs its beats, so wait until it is completed.", "song_not_analyzed", ("songId", songId)));
        }
        return (new AnalyzedSong(row.Song.Id, row.Song.Title, analysis), null);
    }

    /// <summary>Every analyzed song of the owner (for picking one from a description).</summary>
    public async Task<IReadOnlyList<AnalyzedSong>> AnalyzedSongsAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var rows = await (
                from s in db.Songs.AsNoTracking()
                join j in db.Jobs.AsNoTracking() on s.JobId equals j.Id
                where s.OwnerId == ownerId && j.State == JobStates.Succeeded
                select new { s.Id, s.Title, Job = j })
            .ToListAsync(cancellationToken);
        return rows.Select(r => SongViews.Analysis(r.Job) is { } analysis ? new AnalyzedSong(r.Id, r.Title, analysis) : null)
            .OfType<AnalyzedSong>().ToList();
    }

    /// <summary>The owner's whole move library as the planner sees it.</summary>
    public async Task<IReadOnlyList<MoveCandidate>> CandidatesAsync(Guid ownerId, CancellationToken cancellationToken) =>
        (await db.Moves.AsNoTracking().Where(m => m.OwnerId == ownerId).ToListAsync(cancellationToken))
        .Select(m => new MoveCandidate(m.Id.ToString("D"), m.ClipPath, m.DurationSeconds, m.Energy, m.Difficulty, m.Styles, m.FirstPose, m.LastPose))
        .ToList();

    /// <summary>
    /// Stores the choreography and queues its assembly, both or neither. The blueprint is checked once more first: what
    /// reaches the assembler has passed the same rules a hand-written blueprint must.
    /// </summary>
    public async Task<(ChoreographyRow? Choreography, ProblemHttpResult? Problem)> SubmitAsync(
        Guid id, Guid ownerId, string source, Guid? songId, object request, Blueprint blueprint, CancellationToken cancellationToken)
    {
        if (BlueprintValidator.Check(blueprint, BlueprintLimits.Default) is { Count: > 0 } errors)
        {
            return (null, BlueprintProblem(errors));
        }
        var blueprintJson = JsonSerializer.Serialize(blueprint, BlueprintJsonContext.Default.Blueprint);
        var choreography = new ChoreographyRow
        {
            Id = id,
            OwnerId = ownerId,
            Source = source,
            SongId = songId,
            Request = JsonSerializer.Serialize(request, JsonSerializerOptions.Web),
            Blueprint = blueprintJson,
            CreatedAt = time.GetUtcNow(),
        };
        var payload = JsonSerializer.Serialize(new AssemblyJobPayload(id, blueprintJson), JsonSerializerOptions.Web);
        var kind = jobOptions.CurrentValue.Kinds.GetValueOrDefault(AssemblyJob.Kind) ?? new JobKindOptions();
        var outcome = await jobs.CreateAsync(ownerId, new NewJob(AssemblyJob.Kind, payload, IdempotencyKey: $"choreography:{id:D}"), kind, (context, job) =>
        {
            choreography.JobId = job.Id;
            context.Choreographies.Add(choreography);
        }, cancellationToken);
        return outcome switch
        {
            JobCreation.Created or JobCreation.AlreadyCreated => (choreography, null),
            JobCreation.NotEnoughCoins poor => (null, ApiProblems.Problem(StatusCodes.Status402PaymentRequired, "Not enough coins",
                $"Assembling a video costs {poor.Cost} coin{(poor.Cost == 1 ? "" : "s")} and your balance is {poor.Balance}.", "not_enough_coins")),
            _ => throw new InvalidOperationException($"Unexpected job creation outcome {outcome}."),
        };
    }

    /// <summary>A 422 whose <c>errors</c> (field → messages, as in a ValidationProblem) name each field of the blueprint that is wrong.</summary>
    public static ProblemHttpResult BlueprintProblem(IReadOnlyList<BlueprintError> errors) =>
        ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Invalid blueprint",
            $"The blueprint has {errors.Count} problem{(errors.Count == 1 ? "" : "s")}: {string.Join("; ", errors.Take(5))}{(errors.Count > 5 ? "; ..." : "")}",
            "invalid_blueprint", ("errors", Fields(errors)));

    /// <summary>The errors keyed by field, as a ValidationProblem carries them.</summary>
    public static Dictionary<string, string[]> Fields(IReadOnlyList<BlueprintError> errors) =>
        errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
}
