using DanceAspire.Analysis.Jobs;
using DanceAspire.Media.Probing;
using DanceAspire.Media.Processes;

namespace DanceAspire.Media.Moves;

/// <summary>A move clip written to disk: where it starts in the original and how many 30 fps frames it holds.</summary>
public sealed record MoveClip(string Path, double StartSeconds, int FrameCount)
{
    public double DurationSeconds => (double)FrameCount / MoveClips.FrameRate;
}

/// <summary>
/// Cuts a span of a video into the move library's normalized clip format (<see cref="MoveClipArguments"/>) and writes a
/// JPEG thumbnail of the clip's middle frame.
/// </summary>
public sealed class MoveClipWriter(MediaProbe? probe = null, FfmpegTools? tools = null)
{
    public const int ThumbnailMaxWidth = 480;

    private readonly FfmpegTools _tools = tools ?? FfmpegTools.Default;
    private readonly MediaProbe _probe = probe ?? new MediaProbe(tools);

    /// <summary>
    /// Writes [start, start + duration) of <paramref name="inputPath"/> as a clip, both snapped to the 30 fps grid
    /// (at least one frame). The frame count is read back from the file.
    /// </summary>
    /// <exception cref="MediaToolException">ffmpeg failed, or the span holds no frame of the video.</exception>
    public async Task<MoveClip> WriteClipAsync(string inputPath, double startSeconds, double durationSeconds, string clipPath,
        CancellationToken cancellationToken = default)
    {
        const int rate = MoveClips.FrameRate;
        var start = Math.Round(Math.Max(0, startSeconds) * rate) / rate;
        var frames = (int)Math.Max(1, Math.Round(durationSeconds * rate));
        await RunAsync(MoveClipArguments.Clip(inputPath, start, frames, clipPath), "cut the move clip", cancellationToken);

        var video = (await _probe.ProbeAsync(clipPath, cancellationToken)).Video;
        var written = video?.FrameCount ?? 0;
        if (written <= 0) throw new MediaToolException($"The move clip from {start:0.###} s holds no frame: the video ends before it.", 0, "");
        return new MoveClip(clipPath, start, (int)written);
    }

    /// <summary>Writes the clip's middle frame as a JPEG at most <see cref="ThumbnailMaxWidth"/> wide.</summary>
    public Task WriteThumbnailAsync(MoveClip clip, string thumbnailPath, CancellationToken cancellationToken = default) =>
        RunAsync(MoveClipArguments.Thumbnail(clip.Path, clip.FrameCount / 2 / (double)MoveClips.FrameRate, thumbnailPath, ThumbnailMaxWidth),
            "write the move thumbnail", cancellationToken);

    private async Task RunAsync(IReadOnlyList<string> arguments, string what, CancellationToken cancellationToken)
    {
        var (exitCode, _, error) = await ToolProcess.RunAsync(_tools.FfmpegPath, arguments, cancellationToken);
        if (exitCode != 0) throw new MediaToolException($"ffmpeg failed to {what} (exit code {exitCode}): {error}", exitCode, error);
    }
}
