using System.Globalization;
using System.Runtime.InteropServices;

namespace DanceAspire.Assembler.Benchmarks;

/// <summary>
/// Samples the resident memory of this process plus its running children (the assembler's ffmpegs run side by side)
/// every few milliseconds and keeps the largest sum: getrusage gives only the largest single child.
/// </summary>
internal sealed class TreeMemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public TreeMemorySampler() => _sampling = Task.Run(SampleAsync);

    public double PeakMiB { get; private set; }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var kib = ResidentKiB("self");
            // A child belongs to the thread that started it: /proc/self/task/TID/children lists each thread's.
            foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                string children;
                try
                {
                    children = File.ReadAllText(Path.Combine(task, "children"));
                }
                catch (IOException)
                {
                    continue; // the thread ended while we looked
                }
                foreach (var pid in children.Split(' ', StringSplitOptions.RemoveEmptyEntries)) kib += ResidentKiB(pid);
            }
            PeakMiB = Math.Max(PeakMiB, kib / 1024.0);
            try
            {
                await Task.Delay(10, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static double ResidentKiB(string pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
