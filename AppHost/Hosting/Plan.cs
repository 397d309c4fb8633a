using System.Text.Encodings.Web;
using System.Text.Json;

namespace OmniChannel.AppHost.Hosting;

/// <summary>
/// What `--dry-run` prints instead of starting anything: the start waves, every resource's endpoints,
/// references and the environment its process would get, as JSON. For a person wondering what a
/// service is told, and for tests of the real topology in Program.cs.
/// </summary>
internal static class Plan
{
    public static string Describe(IReadOnlyList<Resource> resources, IReadOnlyList<AllocatedEndpoint> endpoints, AppHostOptions options)
    {
        // Servers not given in the environment would come from infra.sh: a placeholder stands in for them.
        var connectionStrings = resources.OfType<ConnectionResource>().ToDictionary(s => s.Name,
            s => options.Environment.TryGetValue(s.EnvironmentVariable, out var v) && v.Length > 0 ? ConnectionStrings.Mask(v) : "<from infra.sh up>");
        var context = new EnvironmentContext(endpoints, connectionStrings, options.Environment, Environment.ProcessId, ColorConsole: false);

        return JsonSerializer.Serialize(new
        {
            startWaves = DependencyGraph.StartWaves(resources).Select(w => w.Select(r => r.Name)),
            resources = resources.Select(r => new
            {
                name = r.Name,
                type = r.Type,
                waitsFor = r.WaitsFor.Select(d => d.Name),
                references = r.References.Select(d => d.Name),
                urls = endpoints.Where(e => e.Resource == r.Name).ToDictionary(e => e.Name, e => e.Url),
                project = (r as ProjectResource)?.ProjectPath,
                assembly = (r as ProjectResource)?.AssemblyPath(options.RepoRoot, options.BuildConfiguration),
                cpuPriority = (r as ProjectResource)?.CpuPriority,
                environment = r is ProjectResource p
                    ? ResourceEnvironment.For(p, context, Guid.Empty).Where(e => e.Value is not null).ToDictionary()
                    : null,
            }),
        }, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
