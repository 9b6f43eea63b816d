using System.Text;

namespace DanceAspire.Hosting;

/// <summary>Runs a short set-up command (initdb, chown) to completion and returns its exit code and output.</summary>
internal static class ProcessRunner
{
    public static async Task<(int ExitCode, string Output)> RunAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        var process = ManagedProcess.Start(spec, new Dictionary<string, string>(), (line, _) =>
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        });
        using var registration = cancellationToken.Register(() => ManagedProcess.SignalGroup(process.Pid, ManagedProcess.SigKill));
        var exitCode = await process.Exited;
        cancellationToken.ThrowIfCancellationRequested();
        lock (output)
        {
            return (exitCode, output.ToString());
        }
    }
}
