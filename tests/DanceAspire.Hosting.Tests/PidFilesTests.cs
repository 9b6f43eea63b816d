using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging.Abstractions;

namespace DanceAspire.Hosting.Tests;

/// <summary>Recovery after an AppHost was killed with -9: the process groups it recorded are ended by the next run.</summary>
public sealed class PidFilesTests
{
    [Fact]
    public async Task Recovery_kills_a_recorded_process_group_that_is_still_running()
    {
        await using var sandbox = new NodeSandbox();
        var orphan = StartNode(sandbox, """
            const child = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
            require('fs').appendFileSync(process.env.EVENTS_FILE, 'child ' + child.pid + '\n');
            setInterval(() => {}, 1000);
            """);
        try
        {
            await Eventually.TrueAsync(() => sandbox.ReadEvents().Count == 1, "the orphan spawned its child");
            var child = int.Parse(sandbox.ReadEvents()[0]["child ".Length..]);
            new PidFiles(PidDirectory(sandbox), NullLogger.Instance).Record("orphan", orphan.Pid);

            await new PidFiles(PidDirectory(sandbox), NullLogger.Instance).RecoverOrphansAsync().WaitAsync(NodeSandbox.Patience);

            Assert.True(orphan.Exited.IsCompleted || await Completes(orphan.Exited, TimeSpan.FromSeconds(5)), "the orphan is still running");
            Assert.True(await Processes.WaitUntilGoneAsync(child), $"the orphan's child {child} is still running");
            Assert.Empty(Directory.GetFiles(PidDirectory(sandbox)));
        }
        finally
        {
            await StopIfRunningAsync(orphan);
        }
    }

    [Fact]
    public async Task Recovery_spares_a_running_process_whose_start_time_differs_from_the_record_since_its_pid_was_reused()
    {
        await using var sandbox = new NodeSandbox();
        var bystander = StartNode(sandbox, "setInterval(() => {}, 1000);");
        try
        {
            var startTime = long.Parse(PidFiles.ReadStartTime(bystander.Pid)!);
            Directory.CreateDirectory(PidDirectory(sandbox));
            // The recorded process had this pid but started one tick earlier: it is gone, the pid was reused.
            await File.WriteAllTextAsync(Path.Combine(PidDirectory(sandbox), "earlier.pid"), $"{bystander.Pid} {startTime - 1}");

            await new PidFiles(PidDirectory(sandbox), NullLogger.Instance).RecoverOrphansAsync().WaitAsync(NodeSandbox.Patience);

            Assert.False(await Completes(bystander.Exited, TimeSpan.FromMilliseconds(500)), "the bystander was killed");
            Assert.True(Processes.IsAlive(bystander.Pid));
            Assert.Empty(Directory.GetFiles(PidDirectory(sandbox)));
        }
        finally
        {
            await StopIfRunningAsync(bystander);
        }
    }

    [Fact]
    public async Task Recovery_forgets_the_record_of_a_process_that_has_ended()
    {
        await using var sandbox = new NodeSandbox();
        var ended = StartNode(sandbox, "setTimeout(() => {}, 300);");
        new PidFiles(PidDirectory(sandbox), NullLogger.Instance).Record("ended", ended.Pid);
        await ended.Exited.WaitAsync(NodeSandbox.Patience);

        await new PidFiles(PidDirectory(sandbox), NullLogger.Instance).RecoverOrphansAsync().WaitAsync(TimeSpan.FromSeconds(2));

        Assert.Empty(Directory.GetFiles(PidDirectory(sandbox)));
    }

    [Fact]
    public async Task A_new_run_on_the_same_state_folder_ends_the_processes_an_earlier_run_left_behind()
    {
        await using var sandbox = new NodeSandbox();
        var earlierBuilder = sandbox.CreateBuilder();
        sandbox.AddService(earlierBuilder, "svc");
        var earlier = sandbox.Build(earlierBuilder);
        await earlier.StartAsync().WaitAsync(NodeSandbox.Patience);
        var orphan = earlier.GetInstances("svc")[0].Pid!.Value;

        // The earlier AppHost never stops (as if killed with -9); a new one starts on its state folder.
        var laterBuilder = sandbox.CreateBuilder();
        sandbox.AddService(laterBuilder, "svc");
        var later = sandbox.Build(laterBuilder);
        await later.StartAsync().WaitAsync(NodeSandbox.Patience);

        Assert.True(await Processes.WaitUntilGoneAsync(orphan), $"the orphan {orphan} is still running");
        var replacement = later.GetInstances("svc")[0].Pid!.Value;
        Assert.NotEqual(orphan, replacement);
        Assert.True(Processes.IsAlive(replacement));
    }

    private static string PidDirectory(NodeSandbox sandbox) => Path.Combine(sandbox.StateDirectory, "pids");

    /// <summary>A node process in a process group of its own, as the orchestrator starts them.</summary>
    private static ManagedProcess StartNode(NodeSandbox sandbox, string script) => ManagedProcess.Start(
        new ProcessSpec("node", ["-e", script], sandbox.Root),
        new Dictionary<string, string> { ["EVENTS_FILE"] = sandbox.EventsFile },
        (_, _) => { });

    private static async Task<bool> Completes(Task task, TimeSpan within) => await Task.WhenAny(task, Task.Delay(within)) == task;

    private static async Task StopIfRunningAsync(ManagedProcess process)
    {
        if (!process.HasExited)
        {
            await process.StopAsync(PosixSignal.SIGTERM, TimeSpan.FromSeconds(1));
        }
    }
}
