using System.Text.Json;
using System.Text.Json.Serialization;
using DanceAspire.Choreography.Blueprints;

namespace DanceAspire.Choreography.Planning;

/// <summary>
/// Turns a song's beat grid and a set of candidate moves into a blueprint: every move starts on a
/// bar (downbeat) and fills whole bars, consecutive moves join at the smallest pose jump, energy
/// follows the song's sections, and difficulty and style follow the request. A beam search over
/// the bar grid keeps the cheapest plans under <see cref="PlanCost"/>; it is deterministic.
/// </summary>
public static class BlueprintPlanner
{
    /// <summary>Plans kept per grid point; enough for a bad first choice to be undone a few cuts later.</summary>
    private const int BeamWidth = 12;

    private const string PlannerName = "beam-bars-v1";

    public static PlanResult Plan(SongTiming song, IReadOnlyList<MoveCandidate> moves, PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(song);
        ArgumentNullException.ThrowIfNull(moves);
        ArgumentNullException.ThrowIfNull(request);

        var problem = FindRequestProblem(song, request);
        if (problem is not null) return PlanResult.Failure(problem);

        var fps = request.Output.FrameRate;
        var limit = Math.Min(song.DurationSeconds, request.MaxDurationSeconds ?? double.PositiveInfinity);
        var grid = BarGrid.Build(song, limit, fps, out var gridError);
        if (grid is null) return PlanResult.Failure(gridError!);

        var usable = UsableCandidates(moves, grid);
        if (usable.Count == 0)
            return PlanResult.Failure(moves.Count == 0
                ? "There are no moves to choose from."
                : $"None of the {moves.Count} moves is usable: each must last at least one bar ({grid.BarFrames / fps:0.##} s) and have an id and a 'moves/…' clip path.");

        var search = new BeamSearch(grid, usable, request, song.Sections ?? []);
        var best = search.Run();
        if (best is null)
            return PlanResult.Failure("No sequence of the available moves fits the song's bars; some bars are longer than every usable clip.");

        return Build(song, request, grid, usable, best, moves.Count, search.StyleFallback);
    }

    private static string? FindRequestProblem(SongTiming song, PlanRequest request)
    {
        if (!(double.IsFinite(song.DurationSeconds) && song.DurationSeconds > 0))
            return "The song has no duration.";
        if (BlobPath.FindProblem(song.AudioPath, BlueprintLimits.Default.AudioContainers) is { } pathProblem)
            return $"The song's audio path {pathProblem}.";
        if (request.Difficulty is < 1 or > 5)
            return $"Difficulty {request.Difficulty} is outside 1..5.";
        if (request.MaxDurationSeconds is { } max && !(max > 0))
            return $"The maximum duration must be positive, not {max}.";
        if (request.Output is null || !(request.Output.FrameRate is >= 1 and <= 60))
            return "The output frame rate must be between 1 and 60.";
        if (!Enum.IsDefined(request.Transition))
            return $"Transition {(int)request.Transition} is not cut, crossfade or fade_black.";
        return null;
    }

    /// <summary>Candidates a blueprint can hold, at least a bar long, one per id, in id order so ties break the same way every time.</summary>
    private static List<Usable> UsableCandidates(IReadOnlyList<MoveCandidate> moves, BarGrid grid)
    {
        var usable = new List<Usable>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var move in moves.Where(m => m is not null).OrderBy(m => m.Id, StringComparer.Ordinal).ThenBy(m => m.VideoPath, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(move.Id) || move.Id.Length > 200 || !seen.Add(move.Id)) continue;
            if (BlobPath.FindProblem(move.VideoPath, BlueprintLimits.Default.MoveContainers) is not null) continue;
            if (!double.IsFinite(move.DurationSeconds)) continue;
            // Floor, with slack for a duration a hair under a whole frame count: a clip is never asked for a frame it lacks.
            var clipFrames = (long)Math.Floor(move.DurationSeconds * grid.FrameRate + 0.01);
            if (clipFrames < grid.BarFrames) continue;
            usable.Add(new Usable(move, clipFrames,
                double.IsFinite(move.Energy) ? Math.Clamp(move.Energy, 0, 100) : 50,
                Math.Clamp(move.Difficulty, 1, 5),
                (move.Styles ?? []).Select(StyleTag.Normalize).Where(s => s.Length > 0).ToHashSet()));
        }
        return usable;
    }

    private static PlanResult Build(SongTiming song, PlanRequest request, BarGrid grid, List<Usable> usable, Step best, int candidateCount, bool styleFallback)
    {
        var steps = new List<Step>();
        for (var step = best; step.Previous is not null; step = step.Previous) steps.Add(step);
        steps.Reverse();

        var fps = grid.FrameRate;
        var crossfadeFrames = request.Transition == TransitionType.Crossfade
            ? (long)Math.Round(request.Output.TransitionDuration * fps)
            : 0;
        // A crossfade plays a clip on under the next one, so it needs that much footage past its bars;
        // a join whose clip lacks it stays a plain cut.
        var overlaps = new long[steps.Count];
        for (var k = 0; k + 1 < steps.Count; k++)
        {
            var span = Span(grid, steps[k]);
            if (crossfadeFrames > 0 && usable[steps[k].Candidate].ClipFrames >= span + crossfadeFrames && Span(grid, steps[k + 1]) > crossfadeFrames)
                overlaps[k] = crossfadeFrames;
        }

        var blueprintMoves = new List<BlueprintMove>(steps.Count);
        var cutTimes = new List<double>();
        var jumps = new List<double>();
        for (var k = 0; k < steps.Count; k++)
        {
            var step = steps[k];
            var move = usable[step.Candidate].Move;
            var duration = (Span(grid, step) + overlaps[k]) / fps;
            var transition = k == 0 ? TransitionType.Cut
                : request.Transition == TransitionType.Crossfade && overlaps[k - 1] == 0 ? TransitionType.Cut
                : request.Transition;
            blueprintMoves.Add(new BlueprintMove(
                ClipId: move.Id,
                VideoPath: move.VideoPath,
                StartTime: grid.Frames[step.From] / fps,
                Duration: duration,
                TransitionType: transition,
                OriginalDuration: move.DurationSeconds,
                TrimStart: 0,
                TrimEnd: Math.Max(0, move.DurationSeconds - duration),
                VolumeAdjustment: 1));
            if (k == 0) continue;
            cutTimes.Add(grid.Frames[step.From] / fps);
            if (PlanCost.PoseDistance(usable[steps[k - 1].Candidate].Move.LastPose, move.FirstPose) is { } jump) jumps.Add(jump);
        }

        var output = crossfadeFrames > 0 ? request.Output with { TransitionDuration = crossfadeFrames / fps } : request.Output;
        var parameters = new PlanParameters(PlannerName, request.Difficulty, request.Energy, request.Style, request.MaxDurationSeconds,
            request.Transition, candidateCount, usable.Count, styleFallback);
        var blueprint = new Blueprint(
            SchemaVersion: Blueprint.CurrentSchemaVersion,
            TaskId: request.TaskId,
            Audio: new BlueprintAudio(song.AudioPath, song.TempoBpm is > 0 and <= 400 ? song.TempoBpm : Math.Min(400, 60 / grid.BeatSeconds), song.DurationSeconds),
            Moves: blueprintMoves,
            TotalDuration: grid.Frames[grid.Last] / fps,
            DifficultyLevel: request.Difficulty,
            GenerationParameters: JsonSerializer.SerializeToElement(parameters, PlanJsonContext.Default.PlanParameters),
            OutputConfig: output);

        var errors = BlueprintValidator.Check(blueprint, BlueprintLimits.Default);
        if (errors.Count > 0)
            return PlanResult.Failure($"The planned blueprint is not valid: {string.Join("; ", errors)}.");

        var diagnostics = new PlanDiagnostics(cutTimes, steps.Select(s => usable[s.Candidate].Move.Id).ToList(),
            jumps.Count > 0 ? jumps.Average() : 0, best.Cost, candidateCount - usable.Count, styleFallback);
        return PlanResult.Success(blueprint, diagnostics);
    }

    private static long Span(BarGrid grid, Step step) => grid.Frames[step.To] - grid.Frames[step.From];

    private sealed record Usable(MoveCandidate Move, long ClipFrames, double Energy, int Difficulty, HashSet<string> Styles);

    /// <summary>One move of a partial plan: candidate <see cref="Candidate"/> from grid point <see cref="From"/> to <see cref="To"/>, after <see cref="Previous"/>.</summary>
    private sealed class Step(Step? previous, int candidate, int from, int to, double cost)
    {
        public Step? Previous { get; } = previous;
        public int Candidate { get; } = candidate;
        public int From { get; } = from;
        public int To { get; } = to;
        public double Cost { get; } = cost;

    }

    /// <summary>The beam search: the cheapest <see cref="BeamWidth"/> partial plans ending at each grid point, extended point by point.</summary>
    private sealed class BeamSearch
    {
        private readonly BarGrid _grid;
        private readonly List<Usable> _moves;
        private readonly PlanRequest _request;
        private readonly bool[] _styleMissing;
        private readonly double[] _energyPrefix;
        private readonly long _crossfadeFrames;

        public BeamSearch(BarGrid grid, List<Usable> moves, PlanRequest request, IReadOnlyList<EnergySection> sections)
        {
            _grid = grid;
            _moves = moves;
            _request = request;
            var style = StyleTag.Normalize(request.Style);
            var anyHasStyle = style.Length > 0 && moves.Any(m => m.Styles.Contains(style));
            StyleFallback = style.Length > 0 && !anyHasStyle;
            _styleMissing = moves.Select(m => anyHasStyle && !m.Styles.Contains(style)).ToArray();
            _energyPrefix = EnergyPrefix(grid, sections, request.Energy);
            _crossfadeFrames = request.Transition == TransitionType.Crossfade
                ? (long)Math.Round(request.Output.TransitionDuration * grid.FrameRate)
                : 0;
        }

        public bool StyleFallback { get; }

        public Step? Run()
        {
            var beams = new List<Step>[_grid.Frames.Length];
            for (var i = 0; i < beams.Length; i++) beams[i] = [];
            beams[0].Add(new Step(null, -1, 0, 0, 0));
            var repeatsAllowed = _moves.Count < 2;
            var reach = new int[_moves.Count];
            var fillCost = new double[_moves.Count];
            var poseCosts = new Dictionary<int, double[]>();

            for (var i = 0; i < _grid.Last; i++)
            {
                if (beams[i].Count == 0) continue;
                // Where each move would end from here and what filling those bars costs do not depend on the plan so far.
                for (var c = 0; c < _moves.Count; c++)
                {
                    reach[c] = Reach(c, i);
                    fillCost[c] = reach[c] > i ? FillCost(c, i, reach[c]) : 0;
                }
                foreach (var step in beams[i])
                {
                    var poseCost = step.Candidate >= 0 ? PoseCostsFrom(step.Candidate, poseCosts) : null;
                    for (var c = 0; c < _moves.Count; c++)
                    {
                        if (reach[c] <= i || (c == step.Candidate && !repeatsAllowed)) continue;
                        var cost = step.Cost + fillCost[c];
                        if (poseCost is not null) cost += PlanCost.PoseJump * poseCost[c] + RepeatCost(step, c);
                        var beam = beams[reach[c]];
                        if (beam.Count == BeamWidth && cost >= beam[^1].Cost) continue;
                        Offer(beam, new Step(step, c, i, reach[c], cost));
                    }
                }
            }
            return beams[_grid.Last].FirstOrDefault();
        }

        /// <summary>The pose cost of a cut from <paramref name="from"/> into every move, computed once per outgoing move.</summary>
        private double[] PoseCostsFrom(int from, Dictionary<int, double[]> cache)
        {
            if (cache.TryGetValue(from, out var row)) return row;
            var last = _moves[from].Move.LastPose;
            row = _moves.Select(m => PlanCost.PoseCost(PlanCost.PoseDistance(last, m.Move.FirstPose))).ToArray();
            cache[from] = row;
            return row;
        }

        /// <summary>
        /// The furthest grid point move <paramref name="c"/> can fill from <paramref name="from"/>:
        /// as many whole bars as its clip holds, stopping at a section change. With crossfades it
        /// keeps the overlap's footage in hand unless that would leave it no bar at all.
        /// </summary>
        private int Reach(int c, int from)
        {
            var limit = _grid.ReachLimit(from);
            var frames = _grid.Frames;
            var clip = _moves[c].ClipFrames;
            int Furthest(long slack)
            {
                var to = from;
                for (var j = from + 1; j <= limit; j++)
                {
                    var need = frames[j] - frames[from] + (j == _grid.Last ? 0 : slack);
                    if (need > clip) break;
                    to = j;
                }
                return to;
            }
            var reach = _crossfadeFrames > 0 ? Furthest(_crossfadeFrames) : from;
            return reach > from ? reach : Furthest(0);
        }

        /// <summary>The per-bar terms of move <paramref name="c"/> filling grid points <paramref name="from"/> to <paramref name="to"/>.</summary>
        private double FillCost(int c, int from, int to)
        {
            var move = _moves[c];
            var frames = _grid.Frames[to] - _grid.Frames[from];
            var bars = (double)frames / _grid.BarFrames;
            var target = (_energyPrefix[to] - _energyPrefix[from]) / frames;
            var perBar = PlanCost.Energy * Math.Abs(move.Energy - target) / 100
                + PlanCost.Difficulty * PlanCost.DifficultyGap(move.Difficulty, _request.Difficulty)
                + (_styleMissing[c] ? PlanCost.Style : 0);
            return bars * perBar;
        }

        /// <summary>The cost of using move <paramref name="c"/> again soon after <paramref name="previous"/> and the moves before it.</summary>
        private static double RepeatCost(Step previous, int c)
        {
            var distance = 1;
            for (var s = previous; s.Candidate >= 0 && distance <= PlanCost.RepeatWindow; s = s.Previous!, distance++)
                if (s.Candidate == c) return PlanCost.Repeat * (PlanCost.RepeatWindow - distance + 1) / PlanCost.RepeatWindow;
            return 0;
        }

        /// <summary>Keeps the list sorted by cost and at most <see cref="BeamWidth"/> long; on equal cost the earlier offer stays ahead.</summary>
        private static void Offer(List<Step> beam, Step step)
        {
            if (beam.Count == BeamWidth && step.Cost >= beam[^1].Cost) return;
            var at = beam.Count;
            while (at > 0 && beam[at - 1].Cost > step.Cost) at--;
            beam.Insert(at, step);
            if (beam.Count > BeamWidth) beam.RemoveAt(BeamWidth);
        }

        /// <summary>
        /// Prefix sums over the grid of target energy × frames, so the mean target over any stretch is
        /// one subtraction. The target is the section's energy, re-centred on the requested level.
        /// </summary>
        private static double[] EnergyPrefix(BarGrid grid, IReadOnlyList<EnergySection> sections, EnergyLevel? level)
        {
            var valid = sections.Where(s => s is not null && double.IsFinite(s.StartSeconds) && double.IsFinite(s.EndSeconds)
                && s.EndSeconds > s.StartSeconds && double.IsFinite(s.Energy)).ToList();
            var totalLength = valid.Sum(s => s.EndSeconds - s.StartSeconds);
            var songMean = totalLength > 0 ? valid.Sum(s => Math.Clamp(s.Energy, 0, 100) * (s.EndSeconds - s.StartSeconds)) / totalLength : 50;

            double Target(double energy) => level is { } l ? Math.Clamp(PlanCost.LevelCentre(l) + energy - songMean, 0, 100) : energy;

            var prefix = new double[grid.Frames.Length];
            for (var k = 0; k + 1 < grid.Frames.Length; k++)
            {
                double start = grid.Seconds(k), end = grid.Seconds(k + 1);
                var covered = 0.0;
                var weighted = 0.0;
                foreach (var s in valid)
                {
                    var overlap = Math.Min(end, s.EndSeconds) - Math.Max(start, s.StartSeconds);
                    if (overlap <= 0) continue;
                    covered += overlap;
                    weighted += overlap * Math.Clamp(s.Energy, 0, 100);
                }
                // Stretches no section covers count at the song's mean.
                var mean = (weighted + Math.Max(0, end - start - covered) * songMean) / Math.Max(end - start, covered);
                prefix[k + 1] = prefix[k] + Target(mean) * (grid.Frames[k + 1] - grid.Frames[k]);
            }
            return prefix;
        }
    }
}

/// <summary>The request as recorded in the blueprint's generation_parameters.</summary>
internal sealed record PlanParameters(
    string Planner,
    int Difficulty,
    EnergyLevel? Energy,
    string? Style,
    double? MaxDurationSeconds,
    TransitionType Transition,
    int CandidateCount,
    int UsableCandidateCount,
    bool StyleFallback);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(PlanParameters))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;
