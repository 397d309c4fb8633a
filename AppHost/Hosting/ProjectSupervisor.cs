namespace OmniChannel.AppHost.Hosting;

/// <summary>
/// Runs one project: launches it, waits for /health/ready, and once it has been healthy keeps it
/// running: a crash is reported and the project launched again after a back-off (crash tests kill -9
/// a service and expect it back), until AppHost stops it.
/// </summary>
internal sealed class ProjectSupervisor(ProjectResource project, Func<LaunchSpec> spec, Uri healthUrl, ProcessLauncher launcher,
    HealthProbe probe, ResourceLog log, ConsoleLog console, AppHostOptions options, Action changed)
{
    private static readonly TimeSpan[] Backoff = new[] { 1, 2, 5, 10, 30 }.Select(s => TimeSpan.FromSeconds(s)).ToArray();
    // Healthy this long after a restart, a later crash starts the back-off from 1 s again.
    private static readonly TimeSpan Stable = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private Task<ChildProcess>? _current;
    private Task _supervision = Task.CompletedTask;

    public ResourceState State { get; private set; } = ResourceState.Waiting;
    public string? Detail { get; private set; }
    public int Restarts { get; private set; }
    public int? Pid
    {
        get
        {
            var current = _current;
            return current is { IsCompletedSuccessfully: true } && !current.Result.HasExited ? current.Result.Pid : null;
        }
    }
    public IReadOnlyList<string> Tail => log.Tail();

    /// <summary>Launches the project and returns once it is healthy; throws <see cref="ResourceFailedException"/> if it never gets there.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var process = await LaunchAsync();
        try
        {
            await probe.WaitHealthyAsync(project.Name, process, healthUrl, options.HealthTimeout, Unhealthy, linked.Token);
            SetState(ResourceState.Running, null);
        }
        catch (ResourceFailedException e)
        {
            SetState(ResourceState.Failed, e.Message);
            throw;
        }
        _supervision = SuperviseAsync(process);
    }

    /// <summary>SIGTERM, the grace period, then SIGKILL; no restart happens after this is called.</summary>
    public async Task StopAsync(CancellationToken hurry)
    {
        Task<ChildProcess>? current;
        lock (_gate)
        {
            _stopping.Cancel();
            current = _current;
        }
        if (current is null) return; // never launched: stays Waiting
        if (State != ResourceState.Failed) SetState(ResourceState.Stopping, null);
        try
        {
            var process = await current;
            var running = !process.HasExited;
            var code = await process.StopAsync(options.StopTimeout, hurry);
            if (running) console.Info($"{project.Name} stopped (exit code {code})");
        }
        catch (AppHostException) { } // the launch itself failed: nothing runs
        await _supervision;
        if (State != ResourceState.Failed) SetState(ResourceState.Exited, null);
    }

    private async Task SuperviseAsync(ChildProcess process)
    {
        var failures = 0;
        DateTime? healthySince = DateTime.UtcNow;
        while (true)
        {
            var code = await process.Exited;
            if (_stopping.IsCancellationRequested) return;
            if (DateTime.UtcNow - healthySince > Stable) failures = 0;
            var delay = Backoff[Math.Min(failures++, Backoff.Length - 1)];
            console.Alert($"{project.Name} exited with code {code}; restarting in {delay.TotalSeconds:0} s");
            SetState(ResourceState.Restarting, $"exit code {code}; restart #{Restarts + 1} in {delay.TotalSeconds:0} s");
            try
            {
                await Task.Delay(delay, _stopping.Token);
                process = await LaunchAsync();
                Restarts++;
                await probe.WaitHealthyAsync(project.Name, process, healthUrl, options.HealthTimeout, Unhealthy, _stopping.Token);
                SetState(ResourceState.Running, null);
                healthySince = DateTime.UtcNow;
                console.Info($"{project.Name} is running again (pid {process.Pid}, restart #{Restarts})");
            }
            catch (OperationCanceledException) { return; }
            catch (ResourceFailedException e)
            {
                if (!process.HasExited) console.Alert(e.Message); // an exit is reported at the top of the loop
                healthySince = null;
                await process.StopAsync(options.StopTimeout, _stopping.Token);
            }
            catch (AppHostException e) { console.Alert(e.Message); return; } // can't even launch: leave it down, loudly
        }
    }

    private async Task<ChildProcess> LaunchAsync()
    {
        Task<ChildProcess> launching;
        lock (_gate)
        {
            _stopping.Token.ThrowIfCancellationRequested();
            _current = launching = launcher.StartAsync(spec(), log.Line);
        }
        var process = await launching;
        SetState(ResourceState.Starting, null);
        console.Info($"{project.Name} started (pid {process.Pid})");
        if (project.CpuPriority is { } nice && !await Posix.TrySetSessionNiceAsync(process.Pid, nice))
            console.Info($"{project.Name} runs at the default CPU priority (nice {nice} for its scheduling group needs root and " +
                         "a Linux kernel with autogroups)");
        return process;
    }

    private void Unhealthy(string detail) => SetState(ResourceState.Unhealthy, detail);

    private void SetState(ResourceState state, string? detail)
    {
        if (State == state && Detail == detail) return;
        (State, Detail) = (state, detail);
        changed();
    }
}
