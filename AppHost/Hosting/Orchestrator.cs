namespace OmniChannel.AppHost.Hosting;

/// <summary>
/// One run of the application: servers first, then projects as their WaitFor allow (independent ones
/// in parallel), the table once all are healthy, and on the way out everything stopped in reverse
/// dependency order, the servers last and only if this AppHost started them.
/// </summary>
internal sealed partial class Orchestrator(IReadOnlyList<Resource> resources, IReadOnlyList<AllocatedEndpoint> endpoints,
    AppHostOptions options, ConsoleLog console, ProcessLauncher launcher) : IDisposable
{
    private readonly HealthProbe _probe = new();
    private readonly Infrastructure _infrastructure = new(options, console, launcher);
    private readonly IReadOnlyList<Resource> _ordered = DependencyGraph.DependencyOrder(resources);
    private readonly Dictionary<string, ProjectSupervisor> _projects = [];
    private readonly Dictionary<string, (ResourceState State, string? ConnectionString)> _servers =
        resources.OfType<ConnectionResource>().ToDictionary(s => s.Name, _ => (ResourceState.Waiting, (string?)null));
    private readonly object _stateFileGate = new();
    // Null until everything is up: the state file appears only then, and is rewritten on every change after.
    private volatile string? _status;

    /// <summary>0 after a requested stop, 1 when a resource failed or AppHost could not bring everything up.</summary>
    public async Task<int> RunAsync(ShutdownSignals signals)
    {
        var status = "Failed";
        try
        {
            if (options.StateFile is { } stateFile) StateFile.Reset(stateFile); // a stale one must not look like this run
            var connectionStrings = await StartServersAsync(signals.Requested);
            CreateSupervisors(connectionStrings);
            await StartProjectsAsync(signals.Requested);

            console.Raw(Environment.NewLine + ResourceTable.Render(Snapshots()) + Environment.NewLine);
            _status = "Running";
            WriteStateFile();
            console.Info($"{AppName} is up: {string.Join(", ", EntryUrls())} (Ctrl+C to stop)");
            await Task.Delay(Timeout.Infinite, signals.Requested);
        }
        catch (OperationCanceledException) when (signals.Requested.IsCancellationRequested)
        {
            status = "Stopped";
        }
        catch (ResourceFailedException e)
        {
            ReportFailure(e);
        }
        catch (AppHostException e)
        {
            console.Alert(e.Message);
        }
        finally
        {
            if (_status is not null) _status = "Stopping";
            await StopAsync(signals.Hurry);
            _status = status; // the last word on disk is how this run ended, whether or not it got up
            WriteStateFile();
        }
        if (status == "Failed") console.Alert($"{AppName} AppHost failed; everything it started has been stopped.");
        else console.Info("stopped");
        return status == "Failed" ? 1 : 0;
    }

    public void Dispose() => _probe.Dispose();

    private static string AppName => typeof(Orchestrator).Assembly.GetName().Name!.Split('.')[0];

    private async Task<IReadOnlyDictionary<string, string>> StartServersAsync(CancellationToken cancellationToken)
    {
        var servers = resources.OfType<ConnectionResource>().ToList();
        servers.ForEach(s => _servers[s.Name] = (ResourceState.Starting, null));
        var connectionStrings = await _infrastructure.UpAsync(servers, cancellationToken);
        // A given or freshly started server must accept connections before any service tries it.
        await Task.WhenAll(servers
            .Select(s => (s.Name, Endpoint: ConnectionStrings.TcpEndpoint(connectionStrings[s.Name], s.DefaultPort)))
            .Where(s => s.Endpoint is not null)
            .Select(s => HealthProbe.WaitForTcpAsync(s.Name, s.Endpoint!.Value.Host, s.Endpoint.Value.Port, options.HealthTimeout, cancellationToken)));
        servers.ForEach(s => _servers[s.Name] = (ResourceState.Running, connectionStrings[s.Name]));
        return connectionStrings;
    }

    private async Task StartProjectsAsync(CancellationToken cancellationToken)
    {
        // The first failure cancels every start still waiting, so AppHost reports it without delay.
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? firstFailure = null;
        var started = new Dictionary<Resource, Task>();
        foreach (var resource in _ordered) // what a resource waits for always comes earlier
            started[resource] = resource is ProjectResource project
                ? StartOneAsync(_projects[project.Name], project.WaitsFor.Select(d => started[d]).ToList())
                : Task.CompletedTask; // servers are up already

        try { await Task.WhenAll(started.Values); }
        catch when (firstFailure is not null && !cancellationToken.IsCancellationRequested) { throw firstFailure; }

        async Task StartOneAsync(ProjectSupervisor supervisor, List<Task> dependencies)
        {
            try
            {
                await Task.WhenAll(dependencies);
                startup.Token.ThrowIfCancellationRequested();
                await supervisor.StartAsync(startup.Token);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref firstFailure, e, null);
                await startup.CancelAsync();
                throw;
            }
        }
    }

    private async Task StopAsync(CancellationToken hurry)
    {
        var dependents = DependencyGraph.Dependents(resources);
        var stopped = new Dictionary<Resource, Task>();
        foreach (var resource in _ordered.Reverse()) // dependents come first: stop each once they are down
            stopped[resource] = StopOneAsync(resource, dependents[resource].Select(d => stopped[d]).ToList());
        await Task.WhenAll(stopped.Values);
        // Servers AppHost didn't start (given, or already running) go on running, and say so.
        if (await _infrastructure.DownAsync())
            foreach (var (name, (state, connectionString)) in _servers.ToList())
                if (state != ResourceState.Waiting) _servers[name] = (ResourceState.Exited, connectionString);

        async Task StopOneAsync(Resource resource, List<Task> dependents)
        {
            await Task.WhenAll(dependents);
            if (_projects.TryGetValue(resource.Name, out var supervisor)) await supervisor.StopAsync(hurry);
        }
    }
}
