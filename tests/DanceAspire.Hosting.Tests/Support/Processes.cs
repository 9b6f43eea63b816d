namespace DanceAspire.Hosting.Tests;

/// <summary>What /proc says about a process.</summary>
internal static class Processes
{
    /// <summary>True while the process exists and has not ended; a zombie has ended, only its exit status is left.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[stat.LastIndexOf(')') + 2];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Waits (up to a generous bound) for a killed process to be gone: a signal is delivered asynchronously.</summary>
    public static async Task<bool> WaitUntilGoneAsync(int pid, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (IsAlive(pid))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(50);
        }
        return true;
    }
}
