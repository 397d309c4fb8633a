using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace OmniChannel.IntegrationTests.Infrastructure;

/// <summary>Runs the built AppHost as a child process, the way the README's run command does, and stops it with SIGINT.</summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output;

    private AppHostProcess(Process process, StringBuilder output, string stateFile)
    {
        this.process = process;
        this.output = output;
        StateFile = stateFile;
    }

    public string StateFile { get; }

    public Uri GatewayUrl => new(Resource("gateway").GetProperty("urls").GetProperty("http").GetString()!);

    public int ProcessId => process.Id;

    public string Output { get { lock (output) return output.ToString(); } }

    public static async Task<AppHostProcess> StartAsync(TestInfrastructure infrastructure, TimeSpan? deadline = null)
    {
        if (!File.Exists(RepositoryPaths.AppHostAssembly))
            throw new InvalidOperationException($"{RepositoryPaths.AppHostAssembly} is missing: build the solution first.");

        var stateFile = Path.Combine(Path.GetTempPath(), $"omnichannel-apphost-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.AppHostAssembly, "--ports", "dynamic", "--state-file", stateFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
            Environment =
            {
                ["ConnectionStrings__postgres"] = infrastructure.Postgres,
                ["ConnectionStrings__rabbitmq"] = infrastructure.RabbitMq,
            },
        };
        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var appHost = new AppHostProcess(process, output, stateFile);
        try
        {
            await Poll.UntilAsync(async () =>
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"AppHost exited with {process.ExitCode}:\n{appHost.Output}");
                return File.Exists(stateFile) && await appHost.GatewayIsReadyAsync();
            }, deadline ?? TimeSpan.FromSeconds(120), "the gateway's /health/ready");
        }
        catch
        {
            await appHost.DisposeAsync();
            throw;
        }
        return appHost;
    }

    public JsonElement Resource(string name)
    {
        using var stream = new FileStream(StateFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var state = JsonDocument.Parse(stream).RootElement.Clone();
        return state.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);
    }

    public IReadOnlyList<int> ChildProcessIds()
    {
        using var stream = new FileStream(StateFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return JsonDocument.Parse(stream).RootElement.GetProperty("resources").EnumerateArray()
            .Where(r => r.TryGetProperty("pid", out var pid) && pid.ValueKind == JsonValueKind.Number)
            .Select(r => r.GetProperty("pid").GetInt32())
            .ToList();
    }

    private async Task<bool> GatewayIsReadyAsync()
    {
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await client.GetAsync(new Uri(GatewayUrl, "/health/ready"));
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException
                                              or IOException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return false; // not up yet, or the state file is being written
        }
    }

    /// <summary>Ctrl+C, as a user stops it: SIGINT, then a deadline for AppHost to stop its children and exit.</summary>
    public async Task<int> InterruptAsync(TimeSpan deadline)
    {
        if (!process.HasExited)
            _ = Kill(process.Id, Sigint);
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"AppHost did not exit within {deadline.TotalSeconds:0} s of SIGINT:\n{Output}");
        }
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            try { await InterruptAsync(TimeSpan.FromSeconds(30)); }
            catch (TimeoutException) { /* killed; the test that cared has already failed */ }
        }
        process.Dispose();
        File.Delete(StateFile);
    }

    private const int Sigint = 2;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
