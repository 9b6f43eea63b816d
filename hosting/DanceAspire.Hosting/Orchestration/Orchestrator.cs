using Microsoft.Extensions.Logging;

namespace DanceAspire.Hosting;

/// <summary>
/// Runs the application model: starts every resource once the resources it waits for are running and
/// healthy, watches health and exits, and stops everything in reverse dependency order.
/// A crashed process is shown as exited and never restarted behind the user's back.
/// </summary>
internal sealed class Orchestrator(DistributedApplicationModel model, RunContext context, PidFiles pidFiles, DistributedApplicationOptions options)
{
    private readonly Dictionary<IResource, TaskCompletionSource> _started = model.Resources.ToDictionary(
        r => r, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger = context.Logger;
    private Task? _stop;

    public IReadOnlyDictionary<IResource, ResourceInstance[]> Instances => context.Instances;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var tasks = model.Resources.Where(r => r is not ParameterResource)
            .Select(r => StartResourceAsync(r, failFast.Token))
            .ToArray();
        try
        {
            await Task.WhenAll(tasks);
        }
        catch
        {
            failFast.Cancel();
            // Name the resource that failed first, not the ones that only waited for it.
            var root = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException)
                .FirstOrDefault(e => e is DistributedApplicationException && e is not DependencyFailedException)
                ?? tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException).FirstOrDefault();
            if (root is null && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
            throw root as DistributedApplicationException
                ?? new DistributedApplicationException($"Start-up failed: {root?.Message}", root);
        }
    }

    private async Task StartResourceAsync(IResource resource, CancellationToken token)
    {
        await Task.Yield();
        var instances = context.Instances[resource];
        try
        {
            var dependencies = resource is Resource r ? r.WaitsFor.ToList() : [];
            if (resource is IResourceWithParent child)
            {
                dependencies.Add(child.Parent);
            }
            foreach (var dependency in dependencies.Distinct())
            {
                var started = _started[dependency].Task;
                try
                {
                    await started.WaitAsync(token);
                }
                catch (Exception) when (!token.IsCancellationRequested || started.IsFaulted)
                {
                    throw new DependencyFailedException($"Resource '{resource.Name}' did not start: '{dependency.Name}' failed.");
                }
            }

            switch (resource)
            {
                case ProcessResource executable:
                    await StartExecutableAsync(executable, instances, token);
                    break;
                case ChildResource childResource:
                    SetState(instances[0], ResourceStates.Starting);
                    await childResource.InitializeAsync(context, token);
                    instances[0].StartedAt = DateTimeOffset.UtcNow;
                    SetState(instances[0], ResourceStates.Running, health: "Healthy");
                    break;
            }
            _started[resource].TrySetResult();
        }
        catch (Exception e)
        {
            _started[resource].TrySetException(e);
            var message = e is OperationCanceledException ? "start-up was cancelled" : e.Message;
            foreach (var instance in instances.Where(i => i.State is ResourceStates.Waiting or ResourceStates.Starting))
            {
                instance.StateDetail = message;
                SetState(instance, ResourceStates.FailedToStart);
            }
            if (e is OperationCanceledException or DependencyFailedException)
            {
                throw;
            }
            _logger.LogError("Resource {Resource} failed to start: {Message}", resource.Name, e.Message);
            throw e as DistributedApplicationException
                ?? new DistributedApplicationException($"Resource '{resource.Name}' failed to start: {e.Message}", e);
        }
    }

    private async Task StartExecutableAsync(ProcessResource resource, ResourceInstance[] instances, CancellationToken token)
    {
        foreach (var instance in instances)
        {
            SetState(instance, ResourceStates.Starting);
        }
        await resource.PrepareAsync(context, token);
        await Task.WhenAll(instances.Select(instance => StartInstanceAsync(resource, instance, token)));
        await resource.OnReadyAsync(context, token);
        MarkRunning(resource, instances);
    }

    /// <summary>Shows started replicas as running and watches their health; one that already crashed while its siblings were still starting keeps its Exited state.</summary>
    private void MarkRunning(ProcessResource resource, IEnumerable<ResourceInstance> started)
    {
        foreach (var instance in started.Where(i => i.Process is { HasExited: false }))
        {
            SetState(instance, ResourceStates.Running, health: resource.HasHealthCheck ? "Healthy" : null);
            _ = MonitorHealthAsync(resource, instance);
        }
    }

    /// <summary>
    /// Stops the running instances of <paramref name="resource"/> with its stop signal, as a shutdown would, but leaves
    /// alone what depends on it: dependents see the outage, as they would see a crash.
    /// </summary>
    public async Task StopInstancesAsync(ProcessResource resource)
    {
        await Task.WhenAll(context.Instances[resource].Where(i => i.Process is { HasExited: false })
            .Select(instance => StopInstanceAsync(resource, instance)));
    }

    /// <summary>Stops one replica's process group (or ends what its exited leader left behind) and drops its pid file.</summary>
    private async Task StopInstanceAsync(ProcessResource resource, ResourceInstance instance)
    {
        var process = instance.Process!;
        if (!process.HasExited)
        {
            SetState(instance, ResourceStates.Stopping);
            await process.StopAsync(resource.StopSignal, options.StopGracePeriod);
        }
        else
        {
            // Its leader is gone; make sure nothing it spawned outlives the AppHost.
            ManagedProcess.SignalGroup(process.Pid, ManagedProcess.SigKill);
        }
        pidFiles.Forget(instance.Name);
    }

    /// <summary>Starts the instances of <paramref name="resource"/> that are not running again, with their ports, and waits until they are healthy.</summary>
    public async Task StartStoppedInstancesAsync(ProcessResource resource, CancellationToken token)
    {
        var stopped = context.Instances[resource].Where(i => i.Process is null or { HasExited: true }).ToArray();
        foreach (var instance in stopped)
        {
            (instance.ExitCode, instance.StoppedAt, instance.StateDetail) = (null, null, null);
            SetState(instance, ResourceStates.Starting);
        }
        await Task.WhenAll(stopped.Select(instance => StartInstanceAsync(resource, instance, token)));
        MarkRunning(resource, stopped);
    }

    private async Task StartInstanceAsync(ProcessResource resource, ResourceInstance instance, CancellationToken token)
    {
        var spec = resource.GetProcessSpec(context, instance);
        var environment = EnvironmentBuilder.Build(resource, instance, context, options);
        var logFile = new StreamWriter(Path.Combine(context.ResourceDirectory(resource, "logs"), instance.Name + ".log"), append: true) { AutoFlush = true };
        var logClosed = false;
        var process = ManagedProcess.Start(spec, environment, (line, isError) =>
        {
            instance.Logs.Add(line, isError);
            lock (logFile)
            {
                if (!logClosed)
                {
                    logFile.WriteLine(line);
                }
            }
        }, exitCode =>
        {
            lock (logFile)
            {
                logClosed = true;
                logFile.Dispose();
            }
            OnExited(instance, exitCode);
        });
        instance.Process = process;
        instance.Pid = process.Pid;
        instance.StartedAt = DateTimeOffset.UtcNow;
        pidFiles.Record(instance.Name, process.Pid);

        var deadline = DateTimeOffset.UtcNow + options.StartupTimeout;
        while (!await IsHealthyAsync(resource, instance, token))
        {
            if (process.HasExited)
            {
                var tail = string.Join(Environment.NewLine, instance.Logs.Tail(15));
                throw new DistributedApplicationException(
                    $"Resource '{instance.Name}' exited with code {process.Exited.Result} before it became ready. Last output:{Environment.NewLine}{tail}");
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new DistributedApplicationException(
                    $"Resource '{instance.Name}' did not become healthy within {options.StartupTimeout.TotalSeconds:0} s.");
            }
            await Task.Delay(200, token);
        }
    }

    private async Task<bool> IsHealthyAsync(ProcessResource resource, ResourceInstance instance, CancellationToken token)
    {
        if (instance.Process is { HasExited: true })
        {
            return false;
        }
        try
        {
            if (resource.HealthCheckPath is { } path)
            {
                using var response = await RunContext.Http.GetAsync(instance.GetUrl() + path, token);
                return response.IsSuccessStatusCode;
            }
            return resource.ReadinessProbe is not { } probe || await probe(instance, token);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or System.Net.Sockets.SocketException && !token.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task MonitorHealthAsync(ProcessResource resource, ResourceInstance instance)
    {
        if (!resource.HasHealthCheck)
        {
            return;
        }
        // Watches this process only: a restarted instance gets a monitor of its own.
        var process = instance.Process;
        while (!_stopping.IsCancellationRequested && process is { HasExited: false } && instance.Process == process)
        {
            try
            {
                await Task.Delay(options.HealthCheckInterval, _stopping.Token);
                var healthy = await IsHealthyAsync(resource, instance, _stopping.Token);
                if (instance.State == ResourceStates.Running)
                {
                    instance.Health = healthy ? "Healthy" : "Unhealthy";
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void OnExited(ResourceInstance instance, int exitCode)
    {
        instance.ExitCode = exitCode;
        instance.StoppedAt = DateTimeOffset.UtcNow;
        instance.Health = null;
        var expected = instance.State == ResourceStates.Stopping;
        instance.Logs.Add($"[apphost] process {instance.Pid} exited with code {exitCode}", isError: !expected);
        SetState(instance, expected ? ResourceStates.Finished : ResourceStates.Exited);
        if (!expected)
        {
            _logger.LogWarning("Resource {Instance} exited with code {ExitCode}; it is not restarted", instance.Name, exitCode);
        }
    }

    /// <summary>Stops every resource after the resources that depend on it, and waits for all processes.</summary>
    public Task StopAsync() => _stop ??= StopAllAsync();

    private async Task StopAllAsync()
    {
        _stopping.Cancel();
        var dependents = model.Resources.ToDictionary(r => r, r => model.Resources.Where(d => DependsOn(d, r)).ToList());
        var stopped = new Dictionary<IResource, Task>();
        Task StopInOrder(IResource resource)
        {
            if (!stopped.TryGetValue(resource, out var task))
            {
                var before = dependents[resource].Select(StopInOrder).ToArray();
                task = StopResourceAsync(resource, before);
                stopped[resource] = task;
            }
            return task;
        }
        foreach (var resource in model.Resources)
        {
            _ = StopInOrder(resource);
        }
        await Task.WhenAll(stopped.Values);
    }

    private async Task StopResourceAsync(IResource resource, Task[] dependentsStopped)
    {
        await Task.WhenAll(dependentsStopped);
        if (!context.Instances.TryGetValue(resource, out var instances))
        {
            return;
        }
        await Task.WhenAll(instances.Select(async instance =>
        {
            if (resource is ProcessResource processResource && instance.Process is not null)
            {
                await StopInstanceAsync(processResource, instance);
            }
            else if (instance.State is ResourceStates.Running)
            {
                SetState(instance, ResourceStates.Finished);
            }
        }));
    }

    private static bool DependsOn(IResource dependent, IResource resource) =>
        dependent != resource && (
            (dependent is Resource r && (r.WaitsFor.Contains(resource) || r.References.Contains(resource)))
            || (dependent is IResourceWithParent child && child.Parent == resource));

    private void SetState(ResourceInstance instance, string state, string? health = null)
    {
        instance.State = state;
        instance.Health = health;
        if (state is ResourceStates.Running or ResourceStates.FailedToStart)
        {
            _logger.LogInformation("{Instance}: {State}{Detail}", instance.Name, state, instance.StateDetail is { } d && state != ResourceStates.Running ? $" ({d.Split('\n')[0]})" : "");
        }
    }

    private sealed class DependencyFailedException(string message) : DistributedApplicationException(message);
}
