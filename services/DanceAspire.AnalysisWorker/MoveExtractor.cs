using DanceAspire.Analysis.Jobs;
using DanceAspire.Analysis.Moves;
using DanceAspire.Analysis.Pose;
using DanceAspire.Analysis.Results;
using DanceAspire.Media;
using DanceAspire.Media.Moves;

namespace DanceAspire.AnalysisWorker;

/// <summary>One extracted move and its files on disk, before upload.</summary>
public sealed record ExtractedMoveFiles(ExtractedMove Move, string ClipFile, string ThumbnailFile);

/// <summary>
/// Turns an analysis's segments into the move library's moves: for each segment <see cref="MoveSelector"/> accepts,
/// cuts the normalized clip and its thumbnail from the original (at most <see cref="MaxParallelClips"/> ffmpeg runs at a
/// time: each encoder already uses several cores) and computes <see cref="MoveFeatures"/> from the segment's poses.
/// </summary>
public sealed partial class MoveExtractor(MoveClipWriter clips, ILogger<MoveExtractor> logger)
{
    public const int MaxParallelClips = 2;

    /// <summary>
    /// The moves of one analysis, in segment order, with their clip and thumbnail written to <paramref name="outputFolder"/>.
    /// A segment whose clip ffmpeg cannot cut is left out (logged) and counted in <c>Failed</c>.
    /// </summary>
    public async Task<(IReadOnlyList<ExtractedMoveFiles> Moves, int Failed)> ExtractAsync(
        Guid analysisId, string inputPath, AnalysisResult result, IReadOnlyList<PoseFrame> poses, string outputFolder,
        CancellationToken cancellationToken)
    {
        var cuts = MoveSelector.Select(result.Segments, poses);
        if (cuts.Count == 0) return ([], 0);
        Directory.CreateDirectory(outputFolder);
        var fps = result.Processing.Fps;
        var moves = new ExtractedMoveFiles?[cuts.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, cuts.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelClips, CancellationToken = cancellationToken },
            async (i, token) => moves[i] = await ExtractOneAsync(analysisId, inputPath, cuts[i], fps, outputFolder, token));
        var extracted = moves.OfType<ExtractedMoveFiles>().ToList();
        return (extracted, cuts.Count - extracted.Count);
    }

    private async Task<ExtractedMoveFiles?> ExtractOneAsync(
        Guid analysisId, string inputPath, MoveCut cut, double fps, string outputFolder, CancellationToken cancellationToken)
    {
        var index = cut.Segment.Index;
        var clipFile = Path.Combine(outputFolder, $"{index:D3}.mp4");
        var thumbnailFile = Path.Combine(outputFolder, $"{index:D3}.jpg");
        MoveClip clip;
        try
        {
            clip = await clips.WriteClipAsync(inputPath, cut.StartSeconds, cut.DurationSeconds, clipFile, cancellationToken);
            await clips.WriteThumbnailAsync(clip, thumbnailFile, cancellationToken);
        }
        catch (MediaToolException e)
        {
            LogClipFailed(analysisId, index, e.Message);
            return null;
        }

        var features = MoveFeatures.Compute(cut.Frames, fps);
        var move = new ExtractedMove(
            index,
            clip.StartSeconds,
            clip.DurationSeconds,
            cut.Segment.MovementType.ToString().ToLowerInvariant(),
            features.Energy,
            features.Difficulty,
            features.Embedding,
            features.FirstPose,
            features.LastPose,
            $"{MoveClips.Container}/{MoveClips.ClipName(analysisId, index)}",
            $"{MoveClips.Container}/{MoveClips.ThumbnailName(analysisId, index)}");
        return new ExtractedMoveFiles(move, clipFile, thumbnailFile);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analysis {AnalysisId}: the clip of segment {SegmentIndex} could not be cut: {Reason}")]
    private partial void LogClipFailed(Guid analysisId, int segmentIndex, string reason);
}
