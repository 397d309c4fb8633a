using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace OmniChannel.IntegrationTests.Infrastructure;

/// <summary>
/// The README's run command as a user runs it, `dotnet run --project AppHost` (here `--no-build`: the tests built it),
/// with the dashboard, on free ports (so it runs beside the test platform and a developer's), stopped with SIGTERM.
/// </summary>
public sealed partial class AppHostRun : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output;

    private AppHostRun(Process process, StringBuilder output)
    {
        this.process = process;
        this.output = output;
    }

    public Uri Dashboard { get; private set; } = null!;

    public Uri Gateway { get; private set; } = null!;

    /// <summary>The run's token service.</summary>
    public Uri Identity { get; private set; } = null!;

    /// <summary>The gateway as a principal of the development identity file (no service clients: their secrets are the run's).</summary>
    public HttpClient Client(Principal principal) =>
        new(new BearerTokenHandler(new PlatformTokens(Identity, client => throw new InvalidOperationException($"{client}'s secret is the run's own.")), principal))
        {
            BaseAddress = Gateway,
        };

    /// <summary>The "OmniChannel is up in N s" the console printed.</summary>
    public double StartSeconds { get; private set; }

    public string Output { get { lock (output) return output.ToString(); } }

    /// <summary>Starts it and waits for its "OmniChannel is up" line.</summary>
    public static async Task<AppHostRun> StartAsync(TimeSpan deadline, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var run = Start(environment, args);
        try
        {
            var up = await Poll.UntilAsync(() =>
            {
                if (run.process.HasExited)
                    throw new InvalidOperationException($"AppHost exited with {run.process.ExitCode}:\n{run.Output}");
                var line = UpLine().Match(run.Output);
                return Task.FromResult(line.Success ? line : null);
            }, deadline, "AppHost's \"OmniChannel is up\" line");
            run.StartSeconds = double.Parse(up.Groups["seconds"].Value, System.Globalization.CultureInfo.InvariantCulture);
            run.Gateway = new Uri(up.Groups["gateway"].Value);
            run.Identity = new Uri(up.Groups["identity"].Value);
            run.Dashboard = new Uri(up.Groups["dashboard"].Value);
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
        return run;
    }

    public static AppHostRun Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        // Aspire's own switch for free ports (the testing builder's too): the dashboard's, and the servers' and services'
        // through AppHost's Platform/Ports.cs.
        var start = new ProcessStartInfo("dotnet",
        [
            "run", "--project", Path.Combine(RepositoryPaths.Root, "AppHost"), "--no-build", "-c", Configuration, "--",
            "--DcpPublisher:RandomizePorts=true", .. args,
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.Environment.Remove("ConnectionStrings__postgres");
        start.Environment.Remove("ConnectionStrings__rabbitmq");
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        return new AppHostRun(process, output);
    }

    /// <summary>Waits for it to end by itself; its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"AppHost still runs after {deadline.TotalSeconds:0} s:\n{Output}");
        }
        return process.ExitCode;
    }

    /// <summary>
    /// AppHost's process and everything it runs: `dotnet run` starts AppHost, AppHost starts DCP (detached, watching
    /// AppHost's process), and DCP starts every resource.
    /// </summary>
    public IReadOnlyList<(int Pid, string Name)> ProcessTree()
    {
        var all = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0).Where(pid => pid > 0)
            .Select(pid => (Pid: pid, Parent: Parent(pid), Name: Read($"/proc/{pid}/comm").Trim(), Command: Read($"/proc/{pid}/cmdline").Replace('\0', ' ')))
            .ToList();
        var appHost = all.Where(p => p.Parent == process.Id).Select(p => p.Pid).ToHashSet();
        var roots = new HashSet<int>(appHost) { process.Id };
        foreach (var dcp in all.Where(p => appHost.Any(a => p.Command.Contains($"--monitor {a} ", StringComparison.Ordinal))))
            roots.Add(dcp.Pid);
        var tree = new HashSet<int>(roots);
        for (var grown = true; grown;)
        {
            grown = false;
            foreach (var p in all.Where(p => tree.Contains(p.Parent) && tree.Add(p.Pid)))
                grown = true;
        }
        return all.Where(p => tree.Contains(p.Pid)).Select(p => (p.Pid, p.Name)).ToList();
    }

    /// <summary>SIGTERM, as a script or a service manager stops it; its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan deadline)
    {
        if (!process.HasExited)
            _ = Kill(process.Id, Sigterm);
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"AppHost did not exit within {deadline.TotalSeconds:0} s of SIGTERM:\n{Output}");
        }
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            try { await TerminateAsync(TimeSpan.FromSeconds(60)); }
            catch (TimeoutException) { process.Kill(entireProcessTree: true); }
        }
        process.Dispose();
    }

    private static int Parent(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        return stat.Length == 0 ? 0 : int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
    }

    private static string Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException) { return ""; }
    }

    [GeneratedRegex(@"OmniChannel is up in (?<seconds>[0-9.]+) s: gateway (?<gateway>\S+), identity (?<identity>\S+), dashboard (?<dashboard>\S+)")]
    private static partial Regex UpLine();

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
