using System.Globalization;
using System.Runtime.InteropServices;

namespace DanceAspire.Assembler.Benchmarks;

/// <summary>CPU seconds (user + system) of this process and its finished children: steadier than wall time on a busy machine.</summary>
internal static partial class CpuTime
{
    public static double Read()
    {
        var self = new RUsage();
        var children = new RUsage();
        _ = GetRUsage(0, ref self);
        _ = GetRUsage(-1, ref children);
        return Seconds(self) + Seconds(children);
    }

    private static double Seconds(RUsage u) => u.UserSeconds + u.SystemSeconds + (u.UserMicroseconds + u.SystemMicroseconds) / 1e6;

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRUsage(int who, ref RUsage usage);
}

/// <summary>Peak resident memory of this process (VmHWM) and of its largest finished child (getrusage), in MiB.</summary>
internal static partial class PeakMemory
{
    public static (double SelfMiB, double LargestChildMiB) Read()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var selfKiB = double.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        var usage = new RUsage();
        _ = GetRUsage(-1, ref usage); // RUSAGE_CHILDREN: ru_maxrss is the largest child's peak, in KiB
        return (selfKiB / 1024, usage.MaxRss / 1024.0);
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRUsage(int who, ref RUsage usage);
}

/// <summary>struct rusage (Linux x64).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct RUsage
{
    public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
    public long MaxRss;
    public long IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NVCsw, NIvCsw;
}

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
