using System.Threading.Channels;

namespace DanceAspire.Hosting;

public sealed record LogLine(long Sequence, DateTimeOffset Timestamp, string Text, bool IsError);

/// <summary>A bounded ring buffer of console lines with live subscribers (the dashboard's console view).</summary>
public sealed class LogBuffer(int capacity)
{
    private readonly Queue<LogLine> _lines = new();
    private readonly List<Channel<LogLine>> _subscribers = [];
    private readonly Lock _gate = new();
    private long _sequence;

    public void Add(string text, bool isError = false)
    {
        lock (_gate)
        {
            var line = new LogLine(++_sequence, DateTimeOffset.UtcNow, text, isError);
            _lines.Enqueue(line);
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(line);
            }
        }
    }

    public IReadOnlyList<LogLine> Snapshot(long afterSequence = 0)
    {
        lock (_gate)
        {
            return _lines.Where(l => l.Sequence > afterSequence).ToArray();
        }
    }

    public IReadOnlyList<string> Tail(int count)
    {
        lock (_gate)
        {
            return _lines.Skip(Math.Max(0, _lines.Count - count)).Select(l => l.Text).ToArray();
        }
    }

    /// <summary>The buffered lines, then every new line until cancelled.</summary>
    public async IAsyncEnumerable<LogLine> WatchAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Bounded so a slow reader cannot grow memory without limit; it loses the oldest lines instead.
        var channel = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest });
        IReadOnlyList<LogLine> backlog;
        lock (_gate)
        {
            backlog = _lines.ToArray();
            _subscribers.Add(channel);
        }
        try
        {
            foreach (var line in backlog)
            {
                yield return line;
            }
            await foreach (var line in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return line;
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }
}
