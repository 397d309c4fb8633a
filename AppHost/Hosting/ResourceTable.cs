using System.Text;

namespace OmniChannel.AppHost.Hosting;

/// <summary>One resource at one moment, as the table and the state file show it.</summary>
internal sealed record ResourceSnapshot(
    string Name,
    string Type,
    ResourceState State,
    string? Detail,
    int? Pid,
    int Restarts,
    IReadOnlyDictionary<string, string> Urls,
    string? ConnectionString);

/// <summary>The table AppHost prints once everything is healthy: what runs, where, under which pid.</summary>
internal static class ResourceTable
{
    public static string Render(IReadOnlyList<ResourceSnapshot> resources)
    {
        string[] header = ["NAME", "TYPE", "STATE", "URL", "PID"];
        var rows = resources.Select(r => new[] { r.Name, r.Type, State(r), Url(r), r.Pid?.ToString() ?? "-" }).ToList();
        var widths = header.Select((h, i) => rows.Select(row => row[i].Length).Append(h.Length).Max()).ToArray();

        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
            text.AppendLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        return text.ToString();
    }

    /// <summary>A connection string with its password masked; a project's endpoints, the "http" one first and unnamed.</summary>
    public static string Url(ResourceSnapshot resource) =>
        resource.ConnectionString is { } connectionString
            ? ConnectionStrings.Mask(connectionString)
            : string.Join(", ", resource.Urls.OrderBy(u => u.Key == "http" ? 0 : 1)
                .Select(u => u.Key == "http" ? u.Value : $"{u.Key}={u.Value}"));

    private static string State(ResourceSnapshot resource)
    {
        var state = resource.State.ToString();
        if (resource.Detail is { } detail && resource.State is ResourceState.Restarting or ResourceState.Unhealthy or ResourceState.Failed)
            state += $" ({detail})";
        return resource.Restarts > 0 ? $"{state} [{resource.Restarts} restart{(resource.Restarts == 1 ? "" : "s")}]" : state;
    }
}
