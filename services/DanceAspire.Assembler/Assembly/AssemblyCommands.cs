using System.Globalization;
using System.Text;
using DanceAspire.Choreography.Blueprints;

namespace DanceAspire.Assembler.Assembly;

/// <summary>The ffmpeg command lines of an <see cref="AssemblyPlan"/>. Pure: plan in, arguments out.</summary>
public static class AssemblyCommands
{
    /// <summary>Every run reports progress on stdout and only errors on stderr.</summary>
    private static readonly string[] Common = ["-nostdin", "-v", "error", "-y", "-progress", "pipe:1", "-nostats"];

    /// <summary>The concat demuxer's list file: one <c>file</c> line per entry, with its <c>outpoint</c> when it is cut short.</summary>
    public static string ConcatList(IEnumerable<CopyEntry> entries)
    {
        var text = new StringBuilder("ffconcat version 1.0\n");
        foreach (var entry in entries)
        {
            // The list quotes with single quotes; a quote inside the path closes, escapes and reopens.
            text.Append("file '").Append(entry.Path.Replace("'", @"'\''", StringComparison.Ordinal)).Append("'\n");
            if (entry.OutpointSeconds is { } outpoint) text.Append("outpoint ").Append(Number(outpoint)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>
    /// The song as the video's soundtrack, made beside the video work: trimmed to the timeline, normalized, faded, AAC.
    /// </summary>
    public static IReadOnlyList<string> Soundtrack(AssemblyTimeline timeline, string songPath, string outputPath, AssemblerOptions options) =>
    [
        .. Common, "-i", songPath, "-map", "0:a:0", "-vn", "-filter:a", AudioFilter(timeline, options),
        "-c:a", "aac", "-b:a", timeline.Output.AudioBitrate, "-t", Number(timeline.TotalSeconds), "-f", "mp4", outputPath,
    ];

    /// <summary>
    /// The finished video: the clips (or rendered parts) of <paramref name="listPath"/> joined by the concat demuxer and the
    /// soundtrack, both by stream copy, cut to the timeline's exact length.
    /// </summary>
    public static IReadOnlyList<string> Mux(AssemblyTimeline timeline, string listPath, string soundtrackPath, string outputPath) =>
    [
        .. Common, "-f", "concat", "-safe", "0", "-i", listPath, "-i", soundtrackPath, "-map", "0:v:0", "-map", "1:a:0", "-c", "copy",
        "-t", Number(timeline.TotalSeconds), "-movflags", "+faststart", "-f", "mp4", outputPath,
    ];

    /// <summary>Re-encodes one chunk of the video (no audio) through a filter graph, for <see cref="Mux"/> to join.</summary>
    public static IReadOnlyList<string> Render(AssemblyTimeline timeline, RenderChunk chunk, string outputPath, AssemblerOptions options)
    {
        List<string> arguments = [.. Common];
        foreach (var span in chunk.Spans)
        {
            // One decoder thread per input: a graph opens all its inputs at once, and the encoder wants the cores.
            arguments.AddRange(["-threads", "1", "-i", span.Path]);
        }
        arguments.AddRange([
            "-filter_complex", VideoGraph(timeline, chunk), "-filter_complex_threads", Integer(options.EncoderThreads), "-map", "[v]",
            "-c:v", "libx264", "-preset", options.Preset, "-b:v", timeline.Output.VideoBitrate, "-pix_fmt", "yuv420p",
            // Stitchable headers keep SPS/PPS identical across parts, so the parts join by stream copy; no separate
            // lookahead thread saves its frame buffers.
            "-x264-params", "stitchable=1:sync-lookahead=0", "-threads", Integer(options.EncoderThreads), "-an", "-f", "mp4", outputPath]);
        return arguments;
    }

    /// <summary>
    /// The chunk's video graph: per clip fps, frame-exact trim, scale and pad to the output, fades through black; then
    /// concat for cuts and xfade for crossfades, folded left. Everything runs in the AV time base because concat outputs
    /// it and xfade wants both inputs alike.
    /// </summary>
    public static string VideoGraph(AssemblyTimeline timeline, RenderChunk chunk)
    {
        var (w, h, rate) = (timeline.Width, timeline.Height, timeline.Rate.ToString());
        var graph = new StringBuilder();
        for (var i = 0; i < chunk.Spans.Count; i++)
        {
            var span = chunk.Spans[i];
            var clip = span.Clip;
            var decoded = span.Frames - span.PadFrames;
            graph.Append(CultureInfo.InvariantCulture,
                $"[{i}:v:0]fps={rate},trim=start_frame={span.SourceStartFrame}:end_frame={span.SourceStartFrame + decoded},setpts=PTS-STARTPTS," +
                $"scale={w}:{h}:force_original_aspect_ratio=decrease,pad={w}:{h}:(ow-iw)/2:(oh-ih)/2,setsar=1,format=yuv420p");
            if (span.PadFrames > 0)
            {
                // A clip a little short of its duration holds its last frame; the second trim keeps the count exact.
                graph.Append(CultureInfo.InvariantCulture, $",tpad=stop_mode=clone:stop={span.PadFrames + timeline.ToleranceFrames},trim=end_frame={span.Frames}");
            }
            if (span.StartsHere && clip.Entry == TransitionType.FadeBlack)
                graph.Append(CultureInfo.InvariantCulture, $",fade=t=in:start_frame=0:nb_frames={clip.EntryFrames}");
            if (span.EndsHere && clip.ExitFadeFrames > 0)
                graph.Append(CultureInfo.InvariantCulture, $",fade=t=out:start_frame={span.Frames - clip.ExitFadeFrames}:nb_frames={clip.ExitFadeFrames}");
            graph.Append(CultureInfo.InvariantCulture, $",settb=AVTB[s{i}];");
        }

        var current = "[s0]";
        var joined = 0;
        var cuts = new List<string>();
        void FlushCuts()
        {
            if (cuts.Count == 0) return;
            var label = $"[j{joined++}]";
            graph.Append(current).Append(string.Concat(cuts)).Append(CultureInfo.InvariantCulture, $"concat=n={cuts.Count + 1}:v=1:a=0{label};");
            current = label;
            cuts.Clear();
        }
        for (var i = 1; i < chunk.Spans.Count; i++)
        {
            var span = chunk.Spans[i];
            if (span.Clip.Entry != TransitionType.Crossfade)
            {
                cuts.Add($"[s{i}]");
                continue;
            }
            FlushCuts();
            var label = $"[j{joined++}]";
            graph.Append(current).Append(CultureInfo.InvariantCulture,
                $"[s{i}]xfade=transition=fade:duration={timeline.SecondsText(span.Clip.EntryFrames)}:offset={timeline.SecondsText(span.Clip.StartFrame - chunk.StartFrame)}{label};");
            current = label;
        }
        FlushCuts();
        // Back to the output rate's time base, so the encoder gets constant-rate frames.
        graph.Append(current).Append(CultureInfo.InvariantCulture, $"fps={rate}[v]");
        return graph.ToString();
    }

    /// <summary>
    /// The song under the video: cut to the timeline, loudness-normalized (before the fade, or loudnorm would lift the
    /// fade back up), made 48 kHz stereo, padded with silence when the song is shorter, faded out.
    /// </summary>
    public static string AudioFilter(AssemblyTimeline timeline, AssemblerOptions options)
    {
        var total = timeline.TotalSeconds;
        var filter = new StringBuilder($"atrim=end={Number(total)},asetpts=PTS-STARTPTS");
        if (timeline.Output.NormalizeAudio)
            filter.Append(CultureInfo.InvariantCulture, $",loudnorm=I={Number(options.LoudnessTarget)}:TP={Number(options.TruePeak)}:LRA={Number(options.LoudnessRange)}");
        // aformat, not aresample alone: after loudnorm, ffmpeg 5.1 cannot pick a channel layout for Vorbis input (mono or stereo) without it.
        filter.Append(CultureInfo.InvariantCulture, $",aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,apad=whole_dur={Number(total)}");
        var fade = Math.Min(timeline.Output.FadeDuration, total / 2);
        if (fade > 0) filter.Append(CultureInfo.InvariantCulture, $",afade=t=out:st={Number(total - fade)}:d={Number(fade)}");
        return filter.ToString();
    }

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);
}
