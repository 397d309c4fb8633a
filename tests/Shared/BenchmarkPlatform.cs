using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace OmniChannel.Benchmarking;

/// <summary>
/// The platform under load, shared by the benchmarks: the built AppHost on free ports (test-profile servers unless
/// ConnectionStrings__* name others, so a developer's data is left alone), its state file read for URLs, PIDs and servers.
/// </summary>
public sealed class Platform : IAsyncDisposable
{
    private readonly Process appHost;
    private readonly string stateFile;

    private Platform(Process appHost, string stateFile, JsonElement state)
    {
        this.appHost = appHost;
        this.stateFile = stateFile;
        Resources = state.GetProperty("resources").EnumerateArray().ToList();
        Urls = Resources.Where(r => r.TryGetProperty("urls", out var urls) && urls.TryGetProperty("http", out _))
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => new Uri(r.GetProperty("urls").GetProperty("http").GetString()!));
        Gateway = new HttpClient { BaseAddress = new Uri(Url("gateway")), Timeout = TimeSpan.FromSeconds(30) };
        Postgres = Resources.Single(r => r.GetProperty("name").GetString() == "postgres").GetProperty("connectionString").GetString()!;
    }

    public IReadOnlyList<JsonElement> Resources { get; }

    /// <summary>Each project's http endpoint, by resource name.</summary>
    public IReadOnlyDictionary<string, Uri> Urls { get; }

    public HttpClient Gateway { get; }

    public string Postgres { get; }

    public static async Task<Platform> StartAsync()
    {
        var root = FindRoot();
        var configuration = Path.GetFileName(AppContext.BaseDirectory.TrimEnd('/')); // artifacts/bin/<project>/<debug or release>
        var dll = Path.Combine(root, "artifacts", "bin", "OmniChannel.AppHost", configuration, "OmniChannel.AppHost.dll");
        var stateFile = Path.Combine(Path.GetTempPath(), $"omnichannel-benchmark-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("dotnet", [dll, "--ports", "dynamic", "--state-file", stateFile])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (Environment.GetEnvironmentVariable("ConnectionStrings__postgres") is null)
            start.Environment["OMNI_INFRA_PROFILE"] = "test";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data?.Contains("fail", StringComparison.OrdinalIgnoreCase) == true) Console.Error.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"AppHost exited with {process.ExitCode} (run `dotnet build -c {configuration} AppHost` first?)");
            if (File.Exists(stateFile))
            {
                var state = JsonDocument.Parse(File.ReadAllText(stateFile)).RootElement.Clone();
                if (state.GetProperty("status").GetString() == "Running")
                    return new Platform(process, stateFile, state);
            }
            await Task.Delay(250); // poll
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The platform did not come up within 3 minutes.");
    }

    /// <summary>VmHWM (peak resident set) of each service process, from /proc.</summary>
    public IReadOnlyDictionary<string, long> PeakMemoryByProcess() => Resources
        .Where(r => r.GetProperty("pid").ValueKind == JsonValueKind.Number)
        .ToDictionary(r => r.GetProperty("name").GetString()!, r => PeakKilobytes(r.GetProperty("pid").GetInt32()) * 1024);

    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        if (!appHost.HasExited)
        {
            _ = Kill(appHost.Id, 2);
            if (!appHost.WaitForExit(TimeSpan.FromSeconds(60)))
                appHost.Kill(entireProcessTree: true);
        }
        await Task.CompletedTask;
        File.Delete(stateFile);
    }

    private string Url(string name) =>
        Resources.Single(r => r.GetProperty("name").GetString() == name).GetProperty("urls").GetProperty("http").GetString()!;

    private static long PeakKilobytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OmniChannel.sln")))
                return dir.FullName;
        throw new InvalidOperationException("No OmniChannel.sln above the benchmark.");
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
