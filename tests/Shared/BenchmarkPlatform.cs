using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.Benchmarking;

/// <summary>
/// The platform under load, shared by the benchmarks: the AppHost started by Aspire.Hosting.Testing in this process
/// (<see cref="PlatformHost"/>: free ports, PostgreSQL and RabbitMQ of its own with a data folder deleted afterwards,
/// no dashboard, so no telemetry export competes with the load), and the service processes' pids for CPU and memory.
/// ConnectionStrings__postgres / __rabbitmq select other servers.
/// </summary>
public sealed class Platform : IAsyncDisposable
{
    private static readonly string[] Services =
        ["gateway", "order", "order-worker", "inventory", "payment", "pickup", "pricing", "processor-emulator"];

    private readonly PlatformHost host;

    private Platform(PlatformHost host, string postgres)
    {
        this.host = host;
        Postgres = postgres;
        Urls = Services.ToDictionary(name => name, name => host.Endpoint(name));
        Gateway = host.Client(Principal.HoustonCashier);
    }

    /// <summary>Each project's http endpoint, by resource name.</summary>
    public IReadOnlyDictionary<string, Uri> Urls { get; }

    /// <summary>The gateway as a HOUSTON cashier (the token service's token on every request, as a terminal sends it).</summary>
    public HttpClient Gateway { get; }

    /// <summary>The gateway or a service's own port as a principal of the development identity file.</summary>
    public HttpClient Client(Principal principal, string resource = "gateway") => host.Client(principal, resource);

    public string Postgres { get; }

    public static async Task<Platform> StartAsync()
    {
        // The AppHost shares this process's thread pool with the simulated terminals. On two cores the pool starts with
        // two threads and adds about one a second; whatever the orchestrator's side blocks then delays the terminals'
        // continuations, which their latencies would count (p99 4.5 s at 4 × 120/s, p50 unchanged). Measured with and
        // without in docs/benchmarks.md.
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), completions);
        // The simulated terminals are one client to the gateway: its rate limits would cap what is measured.
        var host = await PlatformHost.StartAsync(TimeSpan.FromMinutes(10), "--Gateway:RateLimits:PerSecond=1000000", "--Gateway:RateLimits:Burst=1000000");
        return new Platform(host, await host.ConnectionStringAsync("postgres"));
    }

    private IEnumerable<(string Name, int Pid)> ServiceProcesses() => Services.Select(name => (name, host.ServiceProcessId(name)));

    /// <summary>VmHWM (peak resident set) of each service process, from /proc.</summary>
    public IReadOnlyDictionary<string, long> PeakMemoryByProcess() =>
        ServiceProcesses().ToDictionary(p => p.Name, p => PeakKilobytes(p.Pid) * 1024);

    /// <summary>
    /// CPU time (user + system) used so far by each service process, the PostgreSQL server (postmaster and every
    /// backend) and the RabbitMQ node, and the whole machine's busy time, from /proc: the cost of a run is the
    /// difference of two samples.
    /// </summary>
    public IReadOnlyDictionary<string, TimeSpan> CpuTime()
    {
        var cpu = ServiceProcesses().ToDictionary(p => p.Name, p => ProcessCpu(p.Pid));
        var postgres = TimeSpan.Zero;
        var rabbitmq = TimeSpan.Zero;
        var dcp = TimeSpan.Zero;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            var name = ReadOrEmpty($"{dir}/comm").Trim();
            if (name == "postgres")
                postgres += ProcessCpu(pid);
            else if (name is "beam.smp" or "erl_child_setup" or "epmd")
                rabbitmq += ProcessCpu(pid);
            else if (name == "dcp")
                dcp += ProcessCpu(pid);
        }
        cpu["postgres"] = postgres;
        cpu["rabbitmq"] = rabbitmq;
        cpu["dcp"] = dcp; // Aspire's orchestrator
        cpu["benchmark"] = ProcessCpu(Environment.ProcessId); // the terminals, and AppHost in this process
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
        await host.DisposeAsync();
    }

    private static long PeakKilobytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }
}
