using Microsoft.Extensions.Logging;

namespace DanceAspire.Hosting;

/// <summary>
/// Records every started process group in the state folder, so that a run after the AppHost was killed
/// with -9 finds and ends the servers it left behind before it starts new ones.
/// </summary>
internal sealed class PidFiles(string directory, ILogger logger)
{
    public void Record(string instanceName, int pid)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(PathOf(instanceName), $"{pid} {ReadStartTime(pid)}");
    }

    public void Forget(string instanceName) => File.Delete(PathOf(instanceName));

    /// <summary>Ends the process groups recorded by an earlier run that are still alive.</summary>
    public async Task RecoverOrphansAsync()
    {
        if (!Directory.Exists(directory))
        {
            return;
        }
        foreach (var file in Directory.GetFiles(directory, "*.pid"))
        {
            var parts = File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && int.TryParse(parts[0], out var pid) && ReadStartTime(pid) == parts[1])
            {
                logger.LogWarning("Ending {Name} (pid {Pid}) left running by an earlier run", Path.GetFileNameWithoutExtension(file), pid);
                ManagedProcess.SignalGroup(pid, ManagedProcess.SigKill);
                // Wait until the process is reaped, not just dead: a zombie still counts as running to
                // kill(pid, 0), which is how PostgreSQL decides whether its lock file is stale.
                for (var i = 0; i < 100 && File.Exists($"/proc/{pid}/stat"); i++)
                {
                    await Task.Delay(50);
                }
            }
            File.Delete(file);
        }
    }

    private string PathOf(string instanceName) => Path.Combine(directory, instanceName + ".pid");

    /// <summary>The process's start time in clock ticks since boot (field 22 of /proc/pid/stat): pid plus this is unique.</summary>
    internal static string? ReadStartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces; count fields after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var state = fields[0];
            return state == "Z" ? null : fields[19];
        }
        catch (IOException)
        {
            return null;
        }
    }
}
