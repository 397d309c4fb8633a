namespace OmniChannel.AppHost.Hosting;

/// <summary>What the environment of a project's process is computed from, besides the project itself.</summary>
internal sealed record EnvironmentContext(
    IReadOnlyList<AllocatedEndpoint> Endpoints,
    IReadOnlyDictionary<string, string> ConnectionStrings,
    IReadOnlyDictionary<string, string> HostEnvironment,
    int AppHostPid,
    bool ColorConsole);

/// <summary>
/// The environment a project gets, following what Aspire sets for a ProjectResource, so a service
/// configured for Aspire (ServiceDefaults, service discovery, GetConnectionString) runs unchanged.
/// Children inherit AppHost's environment; these entries are set on top, and a null value removes one.
/// </summary>
internal static class ResourceEnvironment
{
    // Set on AppHost itself, they'd override or fight the Kestrel endpoints below in every child.
    private static readonly string[] Removed = ["ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS"];

    // OTLP export stays off unless AppHost itself was pointed at a collector (the services export only when set).
    private static readonly string[] PassedThrough = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_HEADERS"];

    public static IReadOnlyDictionary<string, string?> For(ProjectResource project, EnvironmentContext context, Guid instanceId)
    {
        var env = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in Removed) env[name] = null;
        // Only what the project references: a ConnectionStrings__postgres given to AppHost must not reach the gateway.
        foreach (var name in context.HostEnvironment.Keys.Where(IsDiscoveryVariable)) env[name] = null;

        var environmentName = Get(context, "ASPNETCORE_ENVIRONMENT") ?? Get(context, "DOTNET_ENVIRONMENT") ?? "Development";
        env["ASPNETCORE_ENVIRONMENT"] = environmentName;
        env["DOTNET_ENVIRONMENT"] = environmentName;

        // Kestrel endpoints rather than ASPNETCORE_URLS, because an endpoint can carry its protocol (HTTP/2 for gRPC).
        foreach (var endpoint in context.Endpoints.Where(e => e.Resource == project.Name))
        {
            env[$"Kestrel__Endpoints__{endpoint.Name}__Url"] = endpoint.Url;
            if (endpoint.Http2Only) env[$"Kestrel__Endpoints__{endpoint.Name}__Protocols"] = "Http2";
        }

        foreach (var reference in project.References)
        {
            if (reference is ConnectionResource server)
                env[server.EnvironmentVariable] = context.ConnectionStrings.TryGetValue(server.Name, out var value)
                    ? value : throw new AppHostException($"No connection string for {server.Name}.");
            else
                // Read by Microsoft.Extensions.ServiceDiscovery: http://order, https+http://order, http://_grpc.pricing.
                foreach (var endpoint in context.Endpoints.Where(e => e.Resource == reference.Name))
                    env[$"services__{reference.Name}__{endpoint.Name}__0"] = endpoint.Url;
        }

        env["OTEL_SERVICE_NAME"] = project.Name;
        env["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={instanceId}";
        foreach (var name in PassedThrough)
            if (Get(context, name) is { } value) env[name] = value;
        // Aspire's short export intervals: telemetry shows up within a second in a local dashboard.
        env["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
        env["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
        env["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";

        // One line per log entry, so every line AppHost prefixes with the resource name is a whole entry.
        env["Logging__Console__FormatterName"] = "simple";
        env["Logging__Console__FormatterOptions__SingleLine"] = "true";
        env["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss ";
        if (context.ColorConsole) env["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = "true";

        foreach (var (name, value) in project.Environment)
            env[name] = value;

        // Lets a child know who runs it; nothing depends on it (the kernel's parent-death signal does the cleanup).
        env["OMNI_APPHOST_PID"] = context.AppHostPid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return env;
    }

    private static bool IsDiscoveryVariable(string name) =>
        name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase) ||
        name.StartsWith("services__", StringComparison.OrdinalIgnoreCase);

    private static string? Get(EnvironmentContext context, string name) =>
        context.HostEnvironment.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
