using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace OmniChannel.AppHost.Hosting;

/// <summary>How this AppHost run behaves: the AppHost:* settings plus facts about the machine and the build.</summary>
internal sealed record AppHostOptions
{
    /// <summary>--ports dynamic: free loopback ports for everything, so a second AppHost (tests) can run beside a developer's.</summary>
    public bool DynamicPorts { get; init; }
    public string? StateFile { get; init; }
    public bool DryRun { get; init; }
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(90);
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public required string RepoRoot { get; init; }
    public required string InfraScript { get; init; }

    /// <summary>The services run in AppHost's own configuration: a debug AppHost starts debug builds.</summary>
    public string BuildConfiguration { get; init; } =
#if DEBUG
        "debug";
#else
        "release";
#endif

    /// <summary>AppHost's environment as it started: the source of passed-through variables and given connection strings.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public static AppHostOptions From(IConfiguration configuration)
    {
        var environment = System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        var repoRoot = Path.GetFullPath(NonEmpty(environment, "OMNI_REPO_ROOT") ?? BuildTimeRepoRoot());
        var ports = configuration["AppHost:Ports"] ?? "fixed";
        if (ports is not ("fixed" or "dynamic"))
            throw new AppHostException($"AppHost:Ports (--ports) must be 'fixed' or 'dynamic', not '{ports}'.");

        return new AppHostOptions
        {
            DynamicPorts = ports == "dynamic",
            StateFile = configuration["AppHost:StateFile"] is { Length: > 0 } file ? Path.GetFullPath(file) : null,
            DryRun = configuration.GetValue("AppHost:DryRun", false),
            HealthTimeout = Seconds(configuration, "AppHost:HealthTimeoutSeconds", 90),
            StopTimeout = Seconds(configuration, "AppHost:StopTimeoutSeconds", 10),
            RepoRoot = repoRoot,
            InfraScript = NonEmpty(environment, "OMNI_INFRA_SCRIPT") ?? Path.Combine(repoRoot, "deploy", "local", "infra.sh"),
            Environment = environment,
        };
    }

    private static string BuildTimeRepoRoot() =>
        typeof(AppHostOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value
        ?? throw new AppHostException("The AppHost assembly has no RepoRoot metadata; set OMNI_REPO_ROOT.");

    private static string? NonEmpty(IReadOnlyDictionary<string, string> environment, string name) =>
        environment.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    private static TimeSpan Seconds(IConfiguration configuration, string key, double fallback)
    {
        double value;
        try { value = configuration.GetValue(key, fallback); }
        catch (InvalidOperationException) { value = -1; }
        return value > 0 ? TimeSpan.FromSeconds(value) : throw new AppHostException($"{key} must be a positive number of seconds.");
    }
}
