using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OmniChannel.AppHost.Hosting;

/// <summary>
/// The table as JSON at --state-file, for tests and scripts: written when everything is up, rewritten
/// on every change after (a restart brings a new pid), and a last time on exit with status "Stopped"
/// or "Failed". Written to a temporary file and renamed, so a reader never sees half of it. It holds
/// the real connection strings (tests connect with them), hence readable by the owner only.
/// </summary>
internal static class StateFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // connection strings stay readable
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(string status, int appHostPid, IReadOnlyList<ResourceSnapshot> resources) =>
        JsonSerializer.Serialize(new
        {
            status,
            appHostPid,
            updatedAt = DateTimeOffset.UtcNow,
            resources = resources.Select(r => new
            {
                r.Name, r.Type, r.State, r.Detail, r.Pid, r.Restarts, r.Urls, r.ConnectionString,
            }),
        }, Json);

    /// <summary>Removes a previous run's file, and fails early if the place can't be written to.</summary>
    public static void Reset(string path)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AppHostException($"Can't use --state-file {path}: {e.Message}");
        }
    }

    public static void Write(string path, string json)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        var file = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(temporary, new System.Text.UTF8Encoding(false), file))
            writer.Write(json);
        File.Move(temporary, path, overwrite: true);
    }
}
