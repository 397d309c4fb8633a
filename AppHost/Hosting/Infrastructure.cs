namespace OmniChannel.AppHost.Hosting;

/// <summary>
/// PostgreSQL and RabbitMQ through deploy/local/infra.sh (or OMNI_INFRA_SCRIPT), unless AppHost's
/// environment already names them in ConnectionStrings__{name}. AppHost takes down only servers it
/// brought up itself: if they were running before (a developer's session, another AppHost), they stay.
/// </summary>
internal sealed class Infrastructure(AppHostOptions options, ConsoleLog console, ProcessLauncher launcher)
{
    private bool _startedByUs;

    // deploy/local/infra.sh as a person would type it; an OMNI_INFRA_SCRIPT elsewhere by its full path.
    private string Script => Path.GetRelativePath(options.RepoRoot, options.InfraScript) is var relative && !relative.StartsWith("..", StringComparison.Ordinal)
        ? relative : options.InfraScript;

    /// <summary>The connection string of every server, starting the private ones if some are missing.</summary>
    public async Task<IReadOnlyDictionary<string, string>> UpAsync(IReadOnlyList<ConnectionResource> servers, CancellationToken cancellationToken)
    {
        var given = servers
            .Where(s => options.Environment.TryGetValue(s.EnvironmentVariable, out var value) && value.Length > 0)
            .ToDictionary(s => s.Name, s => options.Environment[s.EnvironmentVariable]);
        foreach (var name in given.Keys)
            console.Info($"{name}: using ConnectionStrings__{name} from the environment");
        if (given.Count == servers.Count) return given;

        if (!File.Exists(options.InfraScript))
            throw new AppHostException($"{options.InfraScript} not found: it starts {string.Join(" and ", servers.Where(s => !given.ContainsKey(s.Name)))}. " +
                                       "Set ConnectionStrings__<name> for each, or OMNI_INFRA_SCRIPT.");

        var (status, report) = await RunScriptAsync("status", CancellationToken.None);
        foreach (var line in report) console.Infra(line);
        // From here on a failure or Ctrl+C takes down what `up` may have started half-way.
        _startedByUs = status != 0;
        console.Info(_startedByUs ? $"starting PostgreSQL and RabbitMQ ({Script} up)" : $"PostgreSQL and RabbitMQ already run ({Script} status): reusing them");
        var (code, stdout) = await RunScriptAsync("up", cancellationToken);
        if (code != 0)
            throw new AppHostException($"{Script} up exited with code {code} (its output is above, prefixed [infra]).");

        var exported = new Dictionary<string, string>();
        foreach (var line in stdout)
            if (ExportLines.TryParse(line, out var name, out var value)) exported[name] = value;
            else console.Infra(line);
        foreach (var server in servers.Where(s => !given.ContainsKey(s.Name)))
            given[server.Name] = exported.TryGetValue(server.EnvironmentVariable, out var value) ? value
                : throw new AppHostException($"{Script} up printed no `export {server.EnvironmentVariable}=...` line.");
        return given;
    }

    /// <summary>`infra.sh down`, only if this AppHost started the servers; true if it did.</summary>
    public async Task<bool> DownAsync()
    {
        if (!_startedByUs) return false;
        _startedByUs = false;
        console.Info($"stopping PostgreSQL and RabbitMQ ({Script} down)");
        var (code, _) = await RunScriptAsync("down", CancellationToken.None);
        if (code != 0) console.Alert($"{Script} down exited with code {code}");
        return true;
    }

    // The script runs like a child (own process group, stopped with SIGTERM if cancelled), so the servers
    // it daemonizes don't sit in the terminal's process group and get Ctrl+C before AppHost decides.
    private async Task<(int Code, IReadOnlyList<string> Stdout)> RunScriptAsync(string command, CancellationToken cancellationToken)
    {
        var stdout = new List<string>();
        var environment = new Dictionary<string, string?> { ["OMNI_REPO_ROOT"] = options.RepoRoot };
        var spec = new LaunchSpec("bash", [options.InfraScript, command], options.RepoRoot, environment);
        var child = await launcher.StartAsync(spec, onOutput: line => { lock (stdout) stdout.Add(line); }, onError: console.Infra);
        try
        {
            var code = await child.Exited.WaitAsync(cancellationToken);
            lock (stdout) return (code, stdout.ToList());
        }
        catch (OperationCanceledException)
        {
            await child.StopAsync(options.StopTimeout, CancellationToken.None);
            throw;
        }
    }
}
