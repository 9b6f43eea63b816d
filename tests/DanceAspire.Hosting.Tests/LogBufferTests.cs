namespace DanceAspire.Hosting.Tests;

public sealed class LogBufferTests
{
    [Fact]
    public void Keeps_only_the_last_lines_up_to_its_capacity_with_increasing_sequence_numbers()
    {
        var buffer = new LogBuffer(capacity: 3);

        for (var i = 1; i <= 5; i++)
        {
            buffer.Add($"line {i}", isError: i == 5);
        }

        var lines = buffer.Snapshot();
        Assert.Equal(["line 3", "line 4", "line 5"], lines.Select(l => l.Text));
        Assert.Equal([3L, 4L, 5L], lines.Select(l => l.Sequence));
        Assert.Equal([false, false, true], lines.Select(l => l.IsError));
    }

    [Fact]
    public void A_snapshot_after_a_sequence_number_holds_only_newer_lines()
    {
        var buffer = new LogBuffer(capacity: 10);
        foreach (var text in new[] { "a", "b", "c" })
        {
            buffer.Add(text);
        }

        Assert.Equal(["c"], buffer.Snapshot(afterSequence: 2).Select(l => l.Text));
        Assert.Empty(buffer.Snapshot(afterSequence: 3));
    }

    [Fact]
    public void Tail_returns_the_last_lines_oldest_first()
    {
        var buffer = new LogBuffer(capacity: 10);
        foreach (var text in new[] { "a", "b", "c" })
        {
            buffer.Add(text);
        }

        Assert.Equal(["b", "c"], buffer.Tail(2));
        Assert.Equal(["a", "b", "c"], buffer.Tail(15));
    }

    [Fact]
    public async Task A_watcher_gets_the_buffered_lines_then_each_new_line()
    {
        var buffer = new LogBuffer(capacity: 10);
        buffer.Add("before");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var watcher = buffer.WatchAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);

        Assert.True(await watcher.MoveNextAsync());
        Assert.Equal("before", watcher.Current.Text);
        buffer.Add("after");
        Assert.True(await watcher.MoveNextAsync());
        Assert.Equal("after", watcher.Current.Text);
        Assert.Equal(2, watcher.Current.Sequence);
    }
}
