using System.Diagnostics;
using DanceAspire.Choreography.Blueprints;
using DanceAspire.Media;
using Microsoft.Extensions.Options;

namespace DanceAspire.Assembler.Assembly;

/// <summary>The local files of a blueprint: each distinct move video_path's clip, and the song.</summary>
public sealed record AssemblySources(IReadOnlyDictionary<string, string> Clips, string Audio);

/// <summary>
/// What was made, and how: <see cref="ReencodeReason"/> says why the clips could not be joined by stream copy;
/// <see cref="FfmpegRuns"/> counts the soundtrack, each re-encoded part and the final mux.
/// </summary>
public sealed record AssemblyResult(string OutputPath, double DurationSeconds, long SizeBytes, bool StreamCopy, string? ReencodeReason, int FfmpegRuns, double ElapsedSeconds);

/// <summary>
/// Turns a validated blueprint and its local media into an MP4. Two branches run side by side: the soundtrack (the song
/// trimmed, loudness-normalized, faded, AAC) and the video: nothing to do when plain cuts join clips that already match
/// the output, otherwise re-encoded parts (see <see cref="AssemblyPlan"/>). A last ffmpeg run joins video and soundtrack
/// by stream copy.
/// </summary>
public sealed class BlueprintAssembler(FfmpegTools tools, IOptions<AssemblerOptions> options)
{
    private readonly AssemblerOptions _options = options.Value;
    private readonly ClipProbe _clips = new(tools);

    /// <param name="progress">Called with the fraction done, 0..1, never decreasing; one call at a time.</param>
    /// <exception cref="AssemblyInputException">The blueprint's times do not fit, or its media cannot make them.</exception>
    /// <exception cref="MediaToolException">ffmpeg failed on the media.</exception>
    public async Task<AssemblyResult> AssembleAsync(
        Blueprint blueprint, AssemblySources sources, string outputPath, Func<double, ValueTask>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blueprint);
        ArgumentNullException.ThrowIfNull(sources);
        var clock = Stopwatch.StartNew();
        var timeline = AssemblyTimeline.Create(blueprint);
        var parts = Directory.CreateDirectory(outputPath + ".parts");
        try
        {
            using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var soundtrack = Path.Combine(parts.FullName, "soundtrack.m4a");
            // The branches' shares of the progress are set once the plan says how much video work there is.
            var report = new ProgressSum(progress, audioShare: 0.8, muxShare: 0.2);
            var audio = RunBranchAsync(MakeSoundtrackAsync(timeline, sources.Audio, soundtrack, report, failed.Token), failed);
            var video = RunBranchAsync(MakeVideoAsync(timeline, sources, parts.FullName, report, failed.Token), failed);
            await Task.WhenAll(audio, video);
            var (plan, list, runs) = await video;

            var mux = AssemblyCommands.Mux(timeline, list, soundtrack, outputPath);
            var duration = await FfmpegRun.RunAsync(tools, mux, timeline.TotalSeconds, done => report.SetAsync(ProgressSum.Mux, done), cancellationToken);
            // Not a blueprint problem: a bug here, and the video must not be delivered as if it were right.
            if (Math.Abs(duration - timeline.TotalSeconds) > AssemblyTimeline.ToleranceSeconds)
                throw new InvalidOperationException($"The assembled video lasts {duration:0.###} s instead of {timeline.TotalSeconds:0.###} s.");
            return new AssemblyResult(outputPath, duration, new FileInfo(outputPath).Length, plan.StreamCopy, plan.ReencodeReason, runs + 2, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            parts.Delete(recursive: true);
        }
    }

    /// <summary>Awaits one branch; when it fails, cancels the other so its ffmpeg stops instead of finishing unused work.</summary>
    private static async Task<T> RunBranchAsync<T>(Task<T> branch, CancellationTokenSource others)
    {
        try
        {
            return await branch;
        }
        catch
        {
            await others.CancelAsync();
            throw;
        }
    }

    private async Task<bool> MakeSoundtrackAsync(AssemblyTimeline timeline, string song, string soundtrack, ProgressSum report, CancellationToken cancellationToken)
    {
        try
        {
            // No ffprobe first: ffmpeg says as clearly when the file is not audio, and a process start is a tenth of a second.
            await FfmpegRun.RunAsync(tools, AssemblyCommands.Soundtrack(timeline, song, soundtrack, _options), timeline.TotalSeconds,
                done => report.SetAsync(ProgressSum.Audio, done), cancellationToken);
        }
        catch (MediaToolException e)
        {
            var reason = string.Join("; ", e.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => line.Replace(song, "the song", StringComparison.Ordinal)).Distinct());
            throw new AssemblyInputException("The song cannot be used.", [new("audio.path", $"ffmpeg cannot decode its audio: {reason}")], e);
        }
        return true;
    }

    /// <summary>Probes the clips, plans, and renders the parts when the plan re-encodes; returns the concat list for the mux.</summary>
    private async Task<(AssemblyPlan Plan, string List, int Runs)> MakeVideoAsync(
        AssemblyTimeline timeline, AssemblySources sources, string parts, ProgressSum report, CancellationToken cancellationToken)
    {
        var plan = AssemblyPlan.Create(timeline, await ProbeAsync(timeline, sources, cancellationToken), _options.MaxClipsPerRun);
        if (plan.StreamCopy) return (plan, await WriteListAsync(parts, plan.CopyEntries, cancellationToken), 0);

        // Encoding is nearly all the work now; the soundtrack runs beside it and the mux is a copy.
        await report.ReshareAsync(audioShare: 0.05, muxShare: 0.05);
        var entries = new List<CopyEntry>(plan.Chunks.Count);
        foreach (var chunk in plan.Chunks)
        {
            var part = Path.Combine(parts, $"part-{entries.Count:D3}.mp4");
            var (before, share) = ((double)chunk.StartFrame / timeline.TotalFrames, (double)chunk.Frames / timeline.TotalFrames);
            await FfmpegRun.RunAsync(tools, AssemblyCommands.Render(timeline, chunk, part, _options), timeline.Seconds(chunk.Frames),
                done => report.SetAsync(ProgressSum.Video, before + share * done), cancellationToken);
            entries.Add(new CopyEntry(part, null));
        }
        return (plan, await WriteListAsync(parts, entries, cancellationToken), plan.Chunks.Count);
    }

    /// <summary>Probes each distinct clip once, a few at a time.</summary>
    private async Task<Dictionary<string, SourceClip>> ProbeAsync(AssemblyTimeline timeline, AssemblySources sources, CancellationToken cancellationToken)
    {
        var paths = timeline.Clips.Select(c => c.VideoPath).Distinct(StringComparer.Ordinal).ToList();
        var missing = paths.Where(p => !sources.Clips.ContainsKey(p)).ToList();
        if (missing.Count > 0) throw new ArgumentException($"No local file was given for {string.Join(", ", missing)}.", nameof(sources));

        var probed = new Dictionary<string, SourceClip>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(paths, new ParallelOptions { MaxDegreeOfParallelism = _options.ParallelDownloads, CancellationToken = cancellationToken },
            async (path, token) =>
            {
                SourceClip clip;
                try
                {
                    clip = await _clips.ProbeAsync(sources.Clips[path], token);
                }
                catch (AssemblyInputException e)
                {
                    var move = timeline.Clips.First(c => c.VideoPath == path).Move;
                    throw new AssemblyInputException($"'{path}' is not a usable clip.", [new($"moves[{move}].video_path", $"'{path}': {e.Message}")], e);
                }
                lock (probed) probed[path] = clip;
            });
        return probed;
    }

    private static async Task<string> WriteListAsync(string folder, IEnumerable<CopyEntry> entries, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, "video.ffconcat");
        await File.WriteAllTextAsync(path, AssemblyCommands.ConcatList(entries), cancellationToken);
        return path;
    }

    /// <summary>
    /// The overall fraction done from the branches' own, weighted by their shares of the work. The branches report from
    /// different threads: a gate keeps the calls one at a time and the total from going back.
    /// </summary>
    private sealed class ProgressSum(Func<double, ValueTask>? progress, double audioShare, double muxShare)
    {
        public const int Audio = 0, Video = 1, Mux = 2;
        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly double[] _done = new double[3];
        private readonly double[] _shares = [audioShare, 1 - audioShare - muxShare, muxShare];
        private double _reported;

        public async ValueTask ReshareAsync(double audioShare, double muxShare)
        {
            await _gate.WaitAsync();
            try
            {
                (_shares[Audio], _shares[Video], _shares[Mux]) = (audioShare, 1 - audioShare - muxShare, muxShare);
            }
            finally
            {
                _gate.Release();
            }
        }

        public async ValueTask SetAsync(int branch, double done)
        {
            if (progress is null) return;
            await _gate.WaitAsync();
            try
            {
                _done[branch] = done;
                var total = _done[Audio] * _shares[Audio] + _done[Video] * _shares[Video] + _done[Mux] * _shares[Mux];
                if (total <= _reported) return;
                _reported = total;
                await progress(total);
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
