namespace OmniChannel.AppHost.Hosting;

/// <summary>
/// A .NET project AppHost runs as its own process from its build output, as Aspire's ProjectResource.
/// </summary>
internal sealed class ProjectResource(string name, string projectPath) : Resource(name)
{
    public override string Type => "project";

    /// <summary>The .csproj, relative to the repository root.</summary>
    public string ProjectPath { get; } = projectPath;

    /// <summary>The csproj file name without extension: also the assembly name and the artifacts/bin folder.</summary>
    public string ProjectName => Path.GetFileNameWithoutExtension(ProjectPath);

    /// <summary>The first is "http"; AddProject declares it without a fixed port.</summary>
    public List<EndpointAnnotation> Endpoints { get; } = [new("http", Port: null, Http2Only: false)];

    /// <summary>Environment variables of this project's own (WithEnvironment), set last.</summary>
    public SortedDictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>The nice value of the project's scheduling group (WithCpuPriority); null: the default.</summary>
    public int? CpuPriority { get; set; }

    /// <summary>Answering 200 here is what makes the project healthy (ServiceDefaults maps it).</summary>
    public string HealthCheckPath { get; set; } = "/health/ready";

    /// <summary>Where UseArtifactsOutput puts the entry assembly: artifacts/bin/{ProjectName}/{debug|release}/.</summary>
    public string AssemblyPath(string repoRoot, string configuration) =>
        Path.Combine(repoRoot, "artifacts", "bin", ProjectName, configuration, ProjectName + ".dll");
}

/// <summary>
/// A named HTTP endpoint of a project. Port null means "pick a free one". Http2Only is for gRPC over
/// plain HTTP (h2c): Kestrel can't negotiate HTTP/2 without TLS, so that endpoint speaks only HTTP/2.
/// </summary>
internal sealed record EndpointAnnotation(string Name, int? Port, bool Http2Only);
