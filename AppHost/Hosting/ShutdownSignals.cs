using System.Runtime.InteropServices;

namespace OmniChannel.AppHost.Hosting;

/// <summary>
/// Turns Ctrl+C (SIGINT) and SIGTERM into an orderly shutdown, and makes sure children die with AppHost
/// on every other way out. A second signal stops waiting for graceful exits. Under `dotnet run`, the
/// death of that parent counts as a signal too: killing `dotnet run` must not leave the stack running.
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _requested = new();
    private readonly CancellationTokenSource _hurry = new();
    private readonly List<IDisposable> _registrations = [];
    private readonly Action _emergencyCleanup;
    private readonly Timer? _parentWatch;

    public ShutdownSignals(ConsoleLog console, Action emergencyCleanup)
    {
        _emergencyCleanup = emergencyCleanup;
        Posix.UnignoreSigint();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
            _registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true; // AppHost exits by itself once everything has stopped
                Request(console, $"{(signal == PosixSignal.SIGINT ? "Ctrl+C" : "SIGTERM")}");
            }));

        // Paths that skip the orderly shutdown: an unhandled exception, Environment.Exit.
        // (A SIGKILL of AppHost is covered by the children's parent-death signal; see ProcessLauncher.)
        AppDomain.CurrentDomain.UnhandledException += OnEmergency;
        AppDomain.CurrentDomain.ProcessExit += OnEmergency;

        // When the parent dies, the kernel hands AppHost to another parent: a changed ppid is the sign.
        if (ParentIsDotnetRun() is { } parent)
            _parentWatch = new Timer(_ =>
            {
                try
                {
                    if (ParentPid() != parent) Request(console, $"`dotnet run` (pid {parent}) is gone");
                }
                catch (IOException) { }
            }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Cancelled on the first signal: stop starting things, shut down.</summary>
    public CancellationToken Requested => _requested.Token;

    /// <summary>Cancelled on the second signal: kill what still runs instead of waiting for it.</summary>
    public CancellationToken Hurry => _hurry.Token;

    public void Dispose()
    {
        _parentWatch?.Dispose();
        _registrations.ForEach(r => r.Dispose());
        AppDomain.CurrentDomain.UnhandledException -= OnEmergency;
        AppDomain.CurrentDomain.ProcessExit -= OnEmergency;
    }

    private void Request(ConsoleLog console, string why)
    {
        if (!_requested.IsCancellationRequested)
        {
            console.Info($"{why}: stopping (again to stop without waiting)");
            _requested.Cancel();
        }
        else if (!_hurry.IsCancellationRequested)
        {
            console.Alert($"{why} again: killing what still runs");
            _hurry.Cancel();
        }
    }

    private void OnEmergency(object? sender, EventArgs e) => _emergencyCleanup();

    private static int? ParentIsDotnetRun()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            var parent = ParentPid();
            var args = File.ReadAllText($"/proc/{parent}/cmdline").Split('\0');
            return args.Length > 1 && Path.GetFileName(args[0]) == "dotnet" && args.Contains("run") ? parent : null;
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException) { return null; }
    }

    // /proc/self/stat is "pid (comm) state ppid ...", and comm may itself contain ") ".
    private static int ParentPid()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
