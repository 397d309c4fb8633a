using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace OmniChannel.Payment.Benchmarks;

/// <summary>The built AppHost on free ports against the test-profile servers (a developer's data is left alone); stopped with SIGINT.</summary>
public sealed class Platform : IAsyncDisposable
{
    private readonly Process appHost;
    private readonly string stateFile;

    private Platform(Process appHost, string stateFile, JsonElement state)
    {
        this.appHost = appHost;
        this.stateFile = stateFile;
        Urls = state.GetProperty("resources").EnumerateArray()
            .Where(r => r.TryGetProperty("urls", out var urls) && urls.TryGetProperty("http", out _))
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => new Uri(r.GetProperty("urls").GetProperty("http").GetString()!));
    }

    public IReadOnlyDictionary<string, Uri> Urls { get; }

    public static async Task<Platform> StartAsync()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "OmniChannel.sln")))
            root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException("No OmniChannel.sln above the benchmark.");
        var configuration = Path.GetFileName(AppContext.BaseDirectory.TrimEnd('/')); // debug | release
        var dll = Path.Combine(root, "artifacts", "bin", "OmniChannel.AppHost", configuration, "OmniChannel.AppHost.dll");
        var stateFile = Path.Combine(Path.GetTempPath(), $"omnichannel-payment-benchmark-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("dotnet", [dll, "--ports", "dynamic", "--state-file", stateFile])
        {
            WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        if (Environment.GetEnvironmentVariable("ConnectionStrings__postgres") is null)
            start.Environment["OMNI_INFRA_PROFILE"] = "test";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
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

    public ValueTask DisposeAsync()
    {
        if (!appHost.HasExited)
        {
            _ = Kill(appHost.Id, 2);
            if (!appHost.WaitForExit(TimeSpan.FromSeconds(60)))
                appHost.Kill(entireProcessTree: true);
        }
        File.Delete(stateFile);
        return ValueTask.CompletedTask;
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
