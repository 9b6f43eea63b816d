using System.Globalization;
using DanceAspire.Choreography.Blueprints;
using DanceAspire.Media;

namespace DanceAspire.Assembler.Assembly;

/// <summary>One clip in the concat demuxer's list; <see cref="OutpointSeconds"/> null plays the whole file.</summary>
public sealed record CopyEntry(string Path, double? OutpointSeconds);

/// <summary>
/// The part of a clip one re-encoding run shows: <see cref="Frames"/> output frames from source frame
/// <see cref="SourceStartFrame"/> on, the last <see cref="PadFrames"/> of them repeats of the clip's final frame (a clip
/// a little shorter than the blueprint says).
/// </summary>
/// <param name="StartsHere">The clip begins in this run, so its entry transition is drawn here.</param>
/// <param name="EndsHere">The clip ends in this run, so its fade out is drawn here.</param>
public sealed record ClipSpan(TimelineClip Clip, string Path, int SourceStartFrame, int Frames, int PadFrames, bool StartsHere, bool EndsHere);

/// <summary>Output frames [<see cref="StartFrame"/>, <see cref="EndFrame"/>) rendered by one ffmpeg run.</summary>
public sealed record RenderChunk(int StartFrame, int EndFrame, IReadOnlyList<ClipSpan> Spans)
{
    public int Frames => EndFrame - StartFrame;
}

/// <summary>
/// How a timeline becomes video. Either every clip is joined as it is (<see cref="StreamCopy"/>: the concat demuxer,
/// no re-encode), or it is re-encoded in <see cref="Chunks"/> that the concat demuxer then joins: each chunk is one
/// ffmpeg filter graph over a few clips, because ffmpeg opens every input of a graph at once and each open 720p decoder
/// costs 12-20 MiB. Chunks end only where no transition is running, so each transition is drawn whole inside one graph.
/// </summary>
public sealed record AssemblyPlan(
    AssemblyTimeline Timeline,
    string? ReencodeReason,
    IReadOnlyList<CopyEntry> CopyEntries,
    IReadOnlyList<RenderChunk> Chunks)
{
    public bool StreamCopy => ReencodeReason is null;

    /// <param name="sources">The probed clip of every move's video_path.</param>
    /// <param name="maxClipsPerRun">The most clips one re-encoding graph opens.</param>
    public static AssemblyPlan Create(AssemblyTimeline timeline, IReadOnlyDictionary<string, SourceClip> sources, int maxClipsPerRun)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxClipsPerRun, 2);
        CheckLengths(timeline, sources);

        var reason = WhyNotCopy(timeline, sources);
        if (reason is null)
        {
            var entries = timeline.Clips.Select(clip =>
            {
                var source = sources[clip.VideoPath];
                return new CopyEntry(source.Path, clip.Frames == source.FramesAt(timeline.Rate) ? null : timeline.Seconds(clip.Frames));
            }).ToList();
            return new AssemblyPlan(timeline, null, entries, []);
        }
        return new AssemblyPlan(timeline, reason, [], Split(timeline, sources, maxClipsPerRun));
    }

    /// <summary>Refuses clips shorter than the blueprint takes from them, beyond the tolerance that repeating the last frame covers.</summary>
    private static void CheckLengths(AssemblyTimeline timeline, IReadOnlyDictionary<string, SourceClip> sources)
    {
        var errors = new List<BlueprintError>();
        foreach (var clip in timeline.Clips)
        {
            var source = sources[clip.VideoPath];
            var available = source.FramesAt(timeline.Rate);
            var missing = clip.SourceStartFrame + clip.Frames - available;
            if (missing > timeline.ToleranceFrames || clip.SourceStartFrame >= available)
            {
                errors.Add(new($"moves[{clip.Move}].video_path",
                    $"'{clip.VideoPath}' lasts {Format(source.DurationSeconds)} s; the blueprint plays {Format(timeline.Seconds(clip.Frames))} s of it " +
                    $"from {Format(timeline.Seconds(clip.SourceStartFrame))} s"));
            }
        }
        if (errors.Count > 0) throw new AssemblyInputException("A clip is shorter than the blueprint says.", errors);
    }

    /// <summary>Why the clips cannot be joined by stream copy, or null when they can.</summary>
    private static string? WhyNotCopy(AssemblyTimeline timeline, IReadOnlyDictionary<string, SourceClip> sources)
    {
        var rate = timeline.Rate;
        var halfFrame = 0.5 / rate.PerSecond;
        string? extradata = null;
        foreach (var clip in timeline.Clips)
        {
            var move = $"moves[{clip.Move}]";
            if (clip.Entry != TransitionType.Cut)
                return $"{move} enters with a {(clip.Entry == TransitionType.Crossfade ? "crossfade" : "fade through black")}";
            if (clip.ExitFadeFrames > 0) return $"{move} fades out to black";

            var source = sources[clip.VideoPath];
            var video = source.Video;
            if (video.CodecName != "h264") return $"{move}'s clip is {video.CodecName ?? "an unknown codec"}, not h264";
            if (source.PixelFormat != "yuv420p") return $"{move}'s clip is {source.PixelFormat ?? "an unknown pixel format"}, not yuv420p";
            if (video.Width != timeline.Width || video.Height != timeline.Height || video.Rotation != 0)
                return $"{move}'s clip is {video.Width}x{video.Height}{(video.Rotation != 0 ? $" rotated {video.Rotation}°" : "")}, not {timeline.Width}x{timeline.Height}";
            if (source.SampleAspectRatio is not (null or "1:1" or "0:1" or "N/A"))
                return $"{move}'s clip has non-square pixels ({source.SampleAspectRatio})";
            if (!SameRate(video.RealFrameRate, rate) || !SameRate(video.AverageFrameRate, rate))
                return $"{move}'s clip runs at {video.AverageFrameRate} fps, not {rate}";
            if (Math.Abs(source.StartSeconds) > halfFrame) return $"{move}'s clip starts at {Format(source.StartSeconds)} s, not 0";
            extradata ??= source.ExtradataHash;
            if (source.ExtradataHash is null || source.ExtradataHash != extradata)
                return $"{move}'s clip was encoded with other H.264 parameters (SPS/PPS) than moves[0]'s";
            if (clip.SourceStartFrame != 0)
                return $"{move} is trimmed at its start, which a stream copy can only do on a keyframe";

            var available = source.FramesAt(rate);
            if (clip.Frames > available) return $"{move}'s clip is shorter than the blueprint plays it";
            if (clip.Frames < available && source.BFrameDelay > 0)
                return $"{move} is trimmed at its end and its clip has B-frames, which the concat demuxer cuts by decode time, not display time";
            if (clip.Frames == available && source.FormatDurationSeconds is { } container && Math.Abs(container - source.DurationSeconds) > halfFrame)
                return $"{move}'s file lasts longer than its video (another stream runs on)";
        }
        return null;
    }

    private static bool SameRate(FrameRate a, FrameRate b) => a.IsValid && (long)a.Numerator * b.Denominator == (long)b.Numerator * a.Denominator;

    /// <summary>Cuts the timeline into runs of at most <paramref name="maxClips"/> clips, ending each where no transition runs.</summary>
    private static List<RenderChunk> Split(AssemblyTimeline timeline, IReadOnlyDictionary<string, SourceClip> sources, int maxClips)
    {
        var clips = timeline.Clips;
        var bounds = new List<int> { 0 };
        var start = 0;
        while (true)
        {
            var first = 0;
            while (clips[first].EndFrame <= start) first++;
            var limit = first + maxClips; // the first clip that must not be opened in this run
            if (limit >= clips.Count)
            {
                bounds.Add(timeline.TotalFrames);
                break;
            }
            int? end = null;
            for (var k = limit; k > first && end is null; k--)
            {
                if (clips[k].StartFrame > start && IsQuiet(clips, clips[k].StartFrame)) end = clips[k].StartFrame;
            }
            // Transitions nested so tightly that no clip start is free: let the run grow until one is.
            for (var k = limit + 1; k < clips.Count && end is null; k++)
            {
                if (IsQuiet(clips, clips[k].StartFrame)) end = clips[k].StartFrame;
            }
            if (end is null)
            {
                bounds.Add(timeline.TotalFrames);
                break;
            }
            bounds.Add(end.Value);
            start = end.Value;
        }

        var chunks = new List<RenderChunk>(bounds.Count - 1);
        for (var c = 0; c + 1 < bounds.Count; c++)
        {
            var (from, to) = (bounds[c], bounds[c + 1]);
            var spans = new List<ClipSpan>();
            foreach (var clip in clips)
            {
                if (clip.EndFrame <= from || clip.StartFrame >= to) continue;
                var first = Math.Max(clip.StartFrame, from);
                var last = Math.Min(clip.EndFrame, to);
                var sourceStart = clip.SourceStartFrame + (first - clip.StartFrame);
                var source = sources[clip.VideoPath];
                var pad = Math.Max(0, sourceStart + (last - first) - source.FramesAt(timeline.Rate));
                spans.Add(new ClipSpan(clip, source.Path, sourceStart, last - first, pad, clip.StartFrame >= from, clip.EndFrame <= to));
            }
            chunks.Add(new RenderChunk(from, to, spans));
        }
        return chunks;
    }

    /// <summary>Whether output frame <paramref name="frame"/> can start a run: no crossfade or fade is in progress across it.</summary>
    private static bool IsQuiet(IReadOnlyList<TimelineClip> clips, int frame)
    {
        foreach (var clip in clips)
        {
            if (clip.EntryFrames > 0 && frame > clip.StartFrame && frame < clip.StartFrame + clip.EntryFrames) return false;
            if (clip.ExitFadeFrames > 0 && frame > clip.EndFrame - clip.ExitFadeFrames && frame < clip.EndFrame) return false;
        }
        return true;
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
