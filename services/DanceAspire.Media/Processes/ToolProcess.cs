using System.Diagnostics;

namespace DanceAspire.Media.Processes;

/// <summary>
/// One ffmpeg/ffprobe child process with its pipes. Stderr is drained continuously (a full stderr pipe would stall the
/// tool) and only its last lines are kept, for error messages.
/// </summary>
internal sealed class ToolProcess : IAsyncDisposable
{
    private const int KeptStderrLines = 40;
    private readonly Process _process;
    private readonly Queue<string> _stderr = new();
    private readonly string _name;

    private ToolProcess(Process process, string name)
    {
        _process = process;
        _name = name;
    }

    public Stream StandardOutput => _process.StandardOutput.BaseStream;


    public Stream StandardInput => _process.StandardInput.BaseStream;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines ffmpeg wrote to stderr, joined with newlines.</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr) return string.Join('\n', _stderr);
        }
    }

    public static ToolProcess Start(string executable, IReadOnlyList<string> arguments, bool writesStdin, bool readsStdout)
    {
        var info = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = readsStdout,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var tool = new ToolProcess(process, Path.GetFileName(executable));
        process.ErrorDataReceived += (_, e) => tool.KeepStderrLine(e.Data);
        process.Start();
        process.BeginErrorReadLine();
        // Tools that do not read stdin get it closed at once, so nothing they do can wait on it.
        if (!writesStdin) process.StandardInput.Close();
        return tool;
    }

    /// <summary>Runs a tool to its end and returns its exit code, stdout as text and the tail of stderr.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string executable, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        await using var tool = Start(executable, arguments, writesStdin: false, readsStdout: true);
        using var reader = new StreamReader(tool.StandardOutput);
        var output = await reader.ReadToEndAsync(cancellationToken);
        var exitCode = await tool.WaitForExitAsync(cancellationToken);
        return (exitCode, output, tool.StandardError);
    }

    /// <summary>Waits for the exit; cancelling kills the process.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }
        return _process.ExitCode;
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended between the check and the kill.
        }
    }

    public MediaToolException Failure(string what, int exitCode) =>
        new($"{_name} failed to {what} (exit code {exitCode}): {StandardError}", exitCode, StandardError);

    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // Killed processes end promptly; do not hang a disposal on one that does not.
        }
        _process.Dispose();
    }

    private void KeepStderrLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        lock (_stderr)
        {
            _stderr.Enqueue(line);
            if (_stderr.Count > KeptStderrLines) _stderr.Dequeue();
        }
    }
}
