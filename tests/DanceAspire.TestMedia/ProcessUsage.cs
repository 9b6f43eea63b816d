using System.Globalization;
using System.Runtime.InteropServices;

namespace DanceAspire.Testing;

/// <summary>CPU seconds (user + system) of this process and its finished children: steadier than wall time on a busy machine.</summary>
public static partial class CpuTime
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
public static partial class PeakMemory
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
