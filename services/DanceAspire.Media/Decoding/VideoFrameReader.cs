using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using DanceAspire.Analysis.Imaging;
using DanceAspire.Media.Probing;
using DanceAspire.Media.Processes;

namespace DanceAspire.Media.Decoding;

/// <summary>
/// Decodes a video through <c>ffmpeg … -f rawvideo -pix_fmt rgb24|yuv420p pipe:1</c>. A background pump reads whole frames
/// into pooled buffers and hands them over a bounded channel, so decoding runs a few frames ahead of the consumer and
/// memory stays at a few frames whatever the video's length. Disposing (or cancelling) ends ffmpeg.
/// </summary>
public sealed class VideoFrameReader : IAsyncDisposable
{
    private readonly ToolProcess _ffmpeg;
    private readonly Channel<VideoFrame> _frames;
    private readonly FrameBufferPool _pool;
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _pump;
    private int _framesDecoded;

    private VideoFrameReader(ToolProcess ffmpeg, DecodePlan plan, int framesAhead)
    {
        _ffmpeg = ffmpeg;
        Plan = plan;
        _frames = Channel.CreateBounded<VideoFrame>(new BoundedChannelOptions(framesAhead)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _pool = new FrameBufferPool(plan.FrameBytes, maxRetained: framesAhead + 4);
        _pump = Task.Run(() => PumpAsync(_stop.Token));
    }

    public DecodePlan Plan { get; }

    public int Width => Plan.Width;

    public int Height => Plan.Height;

    public FrameRate FrameRate => Plan.FrameRate;

    public PixelFormat PixelFormat => Plan.PixelFormat;

    /// <summary>Frames read from ffmpeg so far.</summary>
    public int FramesDecoded => Volatile.Read(ref _framesDecoded);

    /// <summary>Frames read per second of wall time since the start (decode speed when the consumer keeps up).</summary>
    public double FramesPerSecond => FramesDecoded / Math.Max(_clock.Elapsed.TotalSeconds, 1e-9);

    /// <summary>Starts ffmpeg on the probed file; <paramref name="media"/> must hold a video stream.</summary>
    public static VideoFrameReader Start(string pathOrUrl, MediaInfo media, FrameReadOptions? options = null, FfmpegTools? tools = null)
    {
        var video = media.Video ?? throw new ArgumentException("The media has no video stream.", nameof(media));
        options ??= new FrameReadOptions();
        var plan = DecodePlan.For(video, options);
        var arguments = new List<string> { "-nostdin", "-v", "error", "-i", pathOrUrl, "-map", "0:v:0", "-an", "-sn", "-dn" };
        if (plan.Width != video.DisplayWidth || plan.Height != video.DisplayHeight)
        {
            arguments.AddRange(["-vf", $"scale={plan.Width}:{plan.Height}"]);
        }
        arguments.AddRange(["-r", plan.FrameRate.ToString(), "-f", "rawvideo", "-pix_fmt", plan.PixelFormat.FfmpegName(), "pipe:1"]);
        var ffmpeg = ToolProcess.Start((tools ?? FfmpegTools.Default).FfmpegPath, arguments, writesStdin: false, readsStdout: true);
        return new VideoFrameReader(ffmpeg, plan, Math.Max(1, options.FramesAhead));
    }

    /// <summary>
    /// The frames in order. Dispose each one when done with it. Ends with a <see cref="MediaToolException"/> when ffmpeg
    /// fails; cancelling ends ffmpeg.
    /// </summary>
    public async IAsyncEnumerable<VideoFrame> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        await using var stopOnCancel = cancellationToken.Register(() => _stop.Cancel());
        while (await _frames.Reader.WaitToReadAsync(linked.Token).ConfigureAwait(false))
        {
            // Checked per frame: no frame is handed out once the caller has cancelled.
            while (!linked.IsCancellationRequested && _frames.Reader.TryRead(out var frame)) yield return frame;
            linked.Token.ThrowIfCancellationRequested();
        }
        cancellationToken.ThrowIfCancellationRequested();
        // The channel completes with the pump's error, if any; awaiting the pump surfaces it.
        await _pump.ConfigureAwait(false);
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            var stdout = _ffmpeg.StandardOutput;
            for (var index = 0; ; index++)
            {
                var buffer = _pool.Rent();
                var read = await stdout.ReadAtLeastAsync(buffer.AsMemory(0, _pool.FrameBytes), _pool.FrameBytes,
                    throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (read < _pool.FrameBytes)
                {
                    // End of stream; a partial frame only comes from a failure, which the exit code reports.
                    _pool.Return(buffer);
                    break;
                }
                var frame = new VideoFrame(_pool, buffer, index, index / Plan.FrameRate.PerSecond, Plan);
                Interlocked.Increment(ref _framesDecoded);
                try
                {
                    await _frames.Writer.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    frame.Dispose();
                    throw;
                }
            }
            var exitCode = await _ffmpeg.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (exitCode != 0) failure = _ffmpeg.Failure("decode the video", exitCode);
        }
        catch (OperationCanceledException e)
        {
            _ffmpeg.Kill();
            failure = e;
        }
        catch (Exception e)
        {
            _ffmpeg.Kill();
            failure = e;
        }
        _clock.Stop();
        _frames.Writer.TryComplete(failure is OperationCanceledException ? null : failure);
        if (failure is not null and not OperationCanceledException) throw failure;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _pump.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The error was (or will never be) surfaced through ReadAllAsync; disposal only cleans up.
        }
        while (_frames.Reader.TryRead(out var frame)) frame.Dispose();
        await _ffmpeg.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
