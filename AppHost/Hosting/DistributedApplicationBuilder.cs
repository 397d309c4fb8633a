using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace OmniChannel.AppHost.Hosting;

/// <summary>Collects the application model, as Aspire's IDistributedApplicationBuilder.</summary>
internal sealed partial class DistributedApplicationBuilder
{
    // Short command-line switches for the AppHost:* settings (also settable as AppHost__Ports=... in the environment).
    private static readonly Dictionary<string, string> Switches = new()
    {
        ["--ports"] = "AppHost:Ports",
        ["--state-file"] = "AppHost:StateFile",
        ["--health-timeout"] = "AppHost:HealthTimeoutSeconds",
        ["--stop-timeout"] = "AppHost:StopTimeoutSeconds",
    };

    private readonly List<Resource> _resources = [];

    public DistributedApplicationBuilder(string[] args)
    {
        // A bare "--dry-run" has no value, which the command-line provider would silently drop.
        var normalized = args.Select(a => a == "--dry-run" ? "AppHost:DryRun=true" : a).ToArray();
        Configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(normalized, Switches)
            .Build();
    }

    public IConfiguration Configuration { get; }

    public IReadOnlyList<Resource> Resources => _resources;

    public IResourceBuilder<ConnectionResource> AddPostgres(string name) => Add(new ConnectionResource(name, "postgres", 5432));

    public IResourceBuilder<ConnectionResource> AddRabbitMQ(string name) => Add(new ConnectionResource(name, "rabbitmq", 5672));

    /// <param name="projectPath">The .csproj, relative to the repository root.</param>
    public IResourceBuilder<ProjectResource> AddProject(string name, string projectPath) => Add(new ProjectResource(name, projectPath));

    public DistributedApplication Build() => new(_resources.ToList(), Configuration);

    private ResourceBuilder<T> Add<T>(T resource) where T : Resource
    {
        // Names become environment variable segments (services__order__http__0) and log prefixes.
        if (!ValidName().IsMatch(resource.Name))
            throw new ArgumentException($"Resource name '{resource.Name}' must be lowercase letters, digits and '-'.");
        if (_resources.Any(r => r.Name == resource.Name))
            throw new ArgumentException($"A resource named '{resource.Name}' already exists.");
        _resources.Add(resource);
        return new ResourceBuilder<T>(resource);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex ValidName();
}
