using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DanceAspire.Hosting;

/// <summary>
/// A child process in a session (and so a process group) of its own: signals reach it and everything it
/// spawned (npm → next, postgres → backends), and the terminal's Ctrl+C reaches only the AppHost, which
/// then stops children in dependency order.
/// </summary>
internal sealed partial class ManagedProcess
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ManagedProcess(Process process) => _process = process;

    public int Pid => _process.Id;
    public Task<int> Exited => _exited.Task;
    public bool HasExited => _exited.Task.IsCompleted;

    /// <param name="onExited">Runs with the exit code once the output is drained, before <see cref="Exited"/> completes.</param>
    public static ManagedProcess Start(ProcessSpec spec, IDictionary<string, string> environment, Action<string, bool> onOutput, Action<int>? onExited = null)
    {
        var info = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // setsid execs in place (the child of a .NET process is not a group leader), so the pid we get is the
        // program's own and also its process-group id.
        if (spec.User is { } user && Environment.UserName == "root")
        {
            info.ArgumentList.Add("setpriv");
            info.ArgumentList.Add($"--reuid={user}");
            info.ArgumentList.Add($"--regid={user}");
            info.ArgumentList.Add("--init-groups");
            info.ArgumentList.Add("--");
        }
        info.ArgumentList.Add(spec.FileName);
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var managed = new ManagedProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onOutput(e.Data, false); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onOutput(e.Data, true); };
        process.Exited += async (_, _) =>
        {
            // Drain the redirected output first, but not forever: a child that inherited stdout (next under npm)
            // may keep it open long after the process itself ended.
            using (var drain = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
            {
                try
                {
                    await process.WaitForExitAsync(drain.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
            try
            {
                onExited?.Invoke(process.ExitCode);
            }
            finally
            {
                managed._exited.TrySetResult(process.ExitCode);
            }
        };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return managed;
    }

    /// <summary>Asks the whole group to stop with <paramref name="signal"/>, then kills it after <paramref name="grace"/>.</summary>
    public async Task StopAsync(PosixSignal signal, TimeSpan grace)
    {
        if (!HasExited)
        {
            SignalGroup(Pid, ToNumber(signal));
            await Task.WhenAny(Exited, Task.Delay(grace));
        }
        // Stragglers in the group (or a leader that ignored the signal) are killed outright.
        SignalGroup(Pid, SigKill);
        await Task.WhenAny(Exited, Task.Delay(TimeSpan.FromSeconds(10)));
    }

    public const int SigKill = 9;

    public static bool SignalGroup(int processGroupId, int signal) => Kill(-processGroupId, signal) == 0;

    public static int ToNumber(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGTERM => 15,
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGQUIT => 3,
        PosixSignal.SIGHUP => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "Unsupported stop signal."),
    };

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
