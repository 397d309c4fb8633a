using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.Benchmarking;

/// <summary>
/// The platform under load, shared by the benchmarks: the built AppHost on free ports, its state file read for URLs,
/// PIDs and servers. Unless ConnectionStrings__* name other servers, it runs on the test-profile servers of
/// deploy/local/infra.sh in a database and a RabbitMQ virtual host of its own, dropped at the end: a developer's data,
/// a test run and messages left behind by an earlier killed run are never mixed with the benchmark's.
/// </summary>
public sealed class Platform : IAsyncDisposable
{
    private readonly Process appHost;
    private readonly string stateFile;
    private readonly Func<Task> dropServers;

    private Platform(Process appHost, string stateFile, JsonElement state, Func<Task> dropServers)
    {
        this.appHost = appHost;
        this.stateFile = stateFile;
        this.dropServers = dropServers;
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
        var root = RepositoryPaths.Root;
        var configuration = Path.GetFileName(AppContext.BaseDirectory.TrimEnd('/')); // artifacts/bin/<project>/<debug or release>
        var dll = Path.Combine(root, "artifacts", "bin", "OmniChannel.AppHost", configuration, "OmniChannel.AppHost.dll");
        var stateFile = Path.Combine(Path.GetTempPath(), $"omnichannel-benchmark-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("dotnet", [dll, "--ports", "dynamic", "--state-file", stateFile])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var dropServers = () => Task.CompletedTask;
        if (Environment.GetEnvironmentVariable("ConnectionStrings__postgres") is null)
        {
            var (postgres, rabbitMq, drop) = await OwnDatabaseAndVirtualHostAsync();
            start.Environment["ConnectionStrings__postgres"] = postgres;
            start.Environment["ConnectionStrings__rabbitmq"] = rabbitMq;
            dropServers = drop;
        }
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
                    return new Platform(process, stateFile, state, dropServers);
            }
            await Task.Delay(250); // poll
        }
        process.Kill(entireProcessTree: true);
        await dropServers();
        throw new TimeoutException("The platform did not come up within 3 minutes.");
    }

    /// <summary>The test-profile servers (started if needed), a new database and a new RabbitMQ virtual host on them.</summary>
    private static async Task<(string Postgres, string RabbitMq, Func<Task> Drop)> OwnDatabaseAndVirtualHostAsync()
    {
        var (server, rabbitMqServer) = await TestServers.UpAsync();
        var name = TestServers.RunName("bench");
        var postgres = await TestServers.AddDatabaseAsync(server, name);
        var rabbitMq = await TestServers.AddVirtualHostAsync(rabbitMqServer, name);
        return (postgres, rabbitMq, async () =>
        {
            await TestServers.DeleteVirtualHostAsync(name);
            await TestServers.DropDatabaseAsync(server, name);
        });
    }

    /// <summary>VmHWM (peak resident set) of each service process, from /proc.</summary>
    public IReadOnlyDictionary<string, long> PeakMemoryByProcess() => Resources
        .Where(r => r.GetProperty("pid").ValueKind == JsonValueKind.Number)
        .ToDictionary(r => r.GetProperty("name").GetString()!, r => PeakKilobytes(r.GetProperty("pid").GetInt32()) * 1024);

    /// <summary>
    /// CPU time (user + system) used so far by each service process, the PostgreSQL server (postmaster and every
    /// backend) and the RabbitMQ node, and the whole machine's busy time, from /proc: the cost of a run is the
    /// difference of two samples.
    /// </summary>
    public IReadOnlyDictionary<string, TimeSpan> CpuTime()
    {
        var cpu = Resources
            .Where(r => r.GetProperty("pid").ValueKind == JsonValueKind.Number)
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => ProcessCpu(r.GetProperty("pid").GetInt32()));
        var postgres = TimeSpan.Zero;
        var rabbitmq = TimeSpan.Zero;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            var name = ReadOrEmpty($"{dir}/comm").Trim();
            if (name == "postgres")
                postgres += ProcessCpu(pid);
            else if (name is "beam.smp" or "erl_child_setup" or "epmd")
                rabbitmq += ProcessCpu(pid);
        }
        cpu["postgres"] = postgres;
        cpu["rabbitmq"] = rabbitmq;
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        cpu["machine"] = Ticks(fields.Sum() - fields[3] - fields[4]); // all but idle and iowait
        return cpu;
    }

    private static TimeSpan ProcessCpu(int pid)
    {
        var stat = ReadOrEmpty($"/proc/{pid}/stat");
        if (stat.Length == 0)
            return TimeSpan.Zero;
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (comm) ": field 3 onwards
        return Ticks(long.Parse(fields[11]) + long.Parse(fields[12])); // utime, stime (fields 14 and 15)
    }

    private static TimeSpan Ticks(long clockTicks) => TimeSpan.FromSeconds(clockTicks / 100.0); // USER_HZ is 100 on Linux

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        if (!appHost.HasExited)
        {
            _ = Kill(appHost.Id, 2);
            if (!appHost.WaitForExit(TimeSpan.FromSeconds(60)))
                appHost.Kill(entireProcessTree: true);
        }
        File.Delete(stateFile);
        await dropServers();
    }

    private string Url(string name) =>
        Resources.Single(r => r.GetProperty("name").GetString() == name).GetProperty("urls").GetProperty("http").GetString()!;

    private static long PeakKilobytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
