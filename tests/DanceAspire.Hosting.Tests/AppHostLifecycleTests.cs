using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using DanceAspire.Hosting.Testing;

namespace DanceAspire.Hosting.Tests;

/// <summary>The real AppHost as a process, the way a developer runs it: killed with -9, restarted, stopped with SIGTERM.</summary>
public sealed partial class AppHostLifecycleTests
{
    private sealed record ResourceRow(string Name, string State, int? Pid);

    [Fact]
    public async Task After_a_kill_9_the_next_run_ends_the_orphans_and_a_SIGTERM_stops_every_process_it_started()
    {
        var state = DistributedApplicationTestingBuilder.CreateStateDirectory();
        var started = new List<int>();
        try
        {
            var first = AppHostRun.Start(state);
            var firstPids = await first.WaitUntilAllRunningAsync();
            started.AddRange(firstPids);

            first.Process.Kill();
            await first.Process.WaitForExitAsync();
            // Nobody stopped the children: they are orphans now, still holding their ports and data folders.
            Assert.Contains(firstPids, Processes.IsAlive);

            var second = AppHostRun.Start(state);
            var secondPids = await second.WaitUntilAllRunningAsync();
            started.AddRange(secondPids);
            Assert.All(firstPids, pid => Assert.False(Processes.IsAlive(pid), $"orphan {pid} of the first run is still alive"));

            using (var gateway = new HttpClient { BaseAddress = second.GatewayUrl })
            {
                using var health = await gateway.GetAsync("/api/v1/health");
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }

            Assert.Equal(0, Kill(second.Process.Id, SigTerm));
            await second.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
            Assert.Equal(0, second.Process.ExitCode);
            Assert.All(secondPids, pid => Assert.False(Processes.IsAlive(pid), $"process {pid} outlived the AppHost"));
            Assert.Contains("Stopping all resources", second.Output);
        }
        finally
        {
            foreach (var pid in started.Where(Processes.IsAlive))
            {
                Kill(-pid, 9);
            }
            Directory.Delete(state, recursive: true);
        }
    }

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    private sealed class AppHostRun
    {
        private readonly StringBuilder _output = new();

        private AppHostRun(Process process, Uri dashboardUrl, Uri gatewayUrl)
        {
            Process = process;
            DashboardUrl = dashboardUrl;
            GatewayUrl = gatewayUrl;
        }

        public Process Process { get; }
        public Uri DashboardUrl { get; }
        public Uri GatewayUrl { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static AppHostRun Start(string stateDirectory)
        {
            var (dashboard, otlp, gateway) = (FreePort(), FreePort(), FreePort());
            var info = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { new Projects.DanceAspire_AppHost().TargetPath },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["State__Directory"] = stateDirectory,
                    ["Dashboard__Port"] = dashboard.ToString(),
                    ["Dashboard__OtlpPort"] = otlp.ToString(),
                    ["Ports__gateway"] = gateway.ToString(),
                },
            };
            var process = new Process { StartInfo = info };
            var run = new AppHostRun(process, new Uri($"http://localhost:{dashboard}"), new Uri($"http://localhost:{gateway}"));
            process.OutputDataReceived += (_, e) => run.Append(e.Data);
            process.ErrorDataReceived += (_, e) => run.Append(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return run;
        }

        private void Append(string? line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }

        /// <summary>Polls the dashboard until every resource runs; returns the pids of all started processes.</summary>
        public async Task<List<int>> WaitUntilAllRunningAsync()
        {
            using var dashboard = new HttpClient { BaseAddress = DashboardUrl, Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow.AddMinutes(4);
            while (DateTime.UtcNow < deadline)
            {
                Assert.False(Process.HasExited, $"the AppHost exited early:\n{Output}");
                try
                {
                    var rows = await dashboard.GetFromJsonAsync<List<ResourceRow>>("/api/resources");
                    if (rows is { Count: > 0 } && rows.All(r => r.State == "Running"))
                    {
                        return rows.Where(r => r.Pid is not null).Select(r => r.Pid!.Value).ToList();
                    }
                }
                catch (HttpRequestException)
                {
                    // The dashboard is not listening yet.
                }
                catch (TaskCanceledException)
                {
                }
                await Task.Delay(500);
            }
            throw new TimeoutException($"The AppHost did not bring every resource up in time:\n{Output}");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
