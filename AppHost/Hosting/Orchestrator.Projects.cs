using System.Globalization;

namespace OmniChannel.AppHost.Hosting;

// How the orchestrator turns the model into processes, and how it reports on them.
internal sealed partial class Orchestrator
{
    private void CreateSupervisors(IReadOnlyDictionary<string, string> connectionStrings)
    {
        var context = new EnvironmentContext(endpoints, connectionStrings, options.Environment, Environment.ProcessId, console.Colors);
        var dotnet = DotnetHost.Path(options.Environment);
        foreach (var project in resources.OfType<ProjectResource>())
        {
            var assembly = project.AssemblyPath(options.RepoRoot, options.BuildConfiguration);
            var http = endpoints.First(e => e.Resource == project.Name && e.Name == "http");
            // A new service.instance.id per launch: a restarted process is a new instance to telemetry.
            LaunchSpec Spec() => new(dotnet, [assembly], Path.GetDirectoryName(assembly)!,
                ResourceEnvironment.For(project, context, Guid.NewGuid()));
            _projects[project.Name] = new ProjectSupervisor(project, Spec, new Uri(http.Url + project.HealthCheckPath),
                launcher, _probe, console.For(project.Name), console, options, OnStateChanged);
        }
    }

    private List<ResourceSnapshot> Snapshots() => _ordered.Select(resource => resource switch
    {
        ProjectResource p when _projects.TryGetValue(p.Name, out var s) =>
            new ResourceSnapshot(p.Name, p.Type, s.State, s.Detail, s.Pid, s.Restarts, Urls(p), null),
        ConnectionResource c => new ResourceSnapshot(c.Name, c.Type, _servers[c.Name].State, null, null, 0,
            TcpUrl(c, _servers[c.Name].ConnectionString), _servers[c.Name].ConnectionString),
        _ => new ResourceSnapshot(resource.Name, resource.Type, ResourceState.Waiting, null, null, 0, Urls(resource), null),
    }).ToList();

    private Dictionary<string, string> Urls(Resource resource) =>
        endpoints.Where(e => e.Resource == resource.Name).ToDictionary(e => e.Name, e => e.Url);

    private static Dictionary<string, string> TcpUrl(ConnectionResource server, string? connectionString) =>
        connectionString is not null && ConnectionStrings.TcpEndpoint(connectionString, server.DefaultPort) is var (host, port)
            ? new() { ["tcp"] = $"tcp://{host}:{port.ToString(CultureInfo.InvariantCulture)}" }
            : [];

    /// <summary>Where a person starts: the http endpoints of the projects nothing else refers to (the gateway).</summary>
    private IEnumerable<string> EntryUrls()
    {
        var dependents = DependencyGraph.Dependents(resources);
        return resources.OfType<ProjectResource>().Where(p => dependents[p].Count == 0)
            .SelectMany(p => endpoints.Where(e => e.Resource == p.Name && e.Name == "http").Select(e => e.Url));
    }

    private void OnStateChanged() => WriteStateFile();

    private void WriteStateFile()
    {
        if (options.StateFile is not { } path || _status is not { } status) return;
        lock (_stateFileGate)
        {
            try { StateFile.Write(path, StateFile.Serialize(status, Environment.ProcessId, Snapshots())); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { console.Alert($"Could not write {path}: {e.Message}"); }
        }
    }

    private void ReportFailure(ResourceFailedException failure)
    {
        console.Alert($"{failure.Resource} failed: {failure.Message}");
        var tail = _projects.TryGetValue(failure.Resource, out var supervisor) ? supervisor.Tail : [];
        var block = tail.Count == 0
            ? $"---- {failure.Resource} wrote nothing ----"
            : $"---- last {tail.Count} lines of {failure.Resource} ----{Environment.NewLine}{string.Join(Environment.NewLine, tail)}";
        console.Raw(block + Environment.NewLine + "----" + Environment.NewLine);
    }
}
