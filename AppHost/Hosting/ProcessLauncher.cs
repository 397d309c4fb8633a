using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;

namespace OmniChannel.AppHost.Hosting;

/// <summary>What to run: a program, its arguments, where, and the environment on top of AppHost's.</summary>
internal sealed record LaunchSpec(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory,
    IReadOnlyDictionary<string, string?> Environment);

/// <summary>
/// Starts child processes so that none can outlive AppHost. On Linux each child runs as
/// <c>setsid setpriv --pdeathsig TERM -- program args</c> (both util-linux; the pid stays the program's):
/// <list type="bullet">
/// <item>setsid gives it its own session and process group: the terminal's Ctrl+C reaches only AppHost,
/// which then stops the children in dependency order, and a whole group can be signalled at once;</item>
/// <item>the parent-death signal makes the kernel send SIGTERM to the child if AppHost dies without
/// cleaning up (kill -9, a crash). The kernel ties it to the thread that forked, not the process, which
/// is why every start happens on one dedicated thread that lives as long as AppHost.</item>
/// </list>
/// </summary>
internal sealed class ProcessLauncher : IDisposable
{
    private readonly BlockingCollection<Action> _starts = new();
    private readonly ConcurrentDictionary<ChildProcess, byte> _live = new();
    private readonly string? _setsid = OperatingSystem.IsLinux() ? Posix.Which("setsid") : null;
    private readonly string? _setpriv = OperatingSystem.IsLinux() ? Posix.Which("setpriv") : null;

    public ProcessLauncher() =>
        new Thread(() => { foreach (var start in _starts.GetConsumingEnumerable()) start(); })
            { IsBackground = true, Name = "apphost-launcher" }.Start();

    /// <param name="onOutput">Each line of stdout, and of stderr unless <paramref name="onError"/> is given.</param>
    public Task<ChildProcess> StartAsync(LaunchSpec spec, Action<string> onOutput, Action<string>? onError = null)
    {
        var started = new TaskCompletionSource<ChildProcess>(TaskCreationOptions.RunContinuationsAsynchronously);
        _starts.Add(() =>
        {
            try { started.SetResult(Start(spec, onOutput, onError ?? onOutput)); }
            catch (Exception e) { started.SetException(e); }
        });
        return started.Task;
    }

    /// <summary>The last resort when AppHost goes down without having stopped its children: SIGKILL them all.</summary>
    public void KillAll()
    {
        foreach (var child in _live.Keys) child.Kill();
    }

    public void Dispose() => _starts.CompleteAdding();

    private ChildProcess Start(LaunchSpec spec, Action<string> onOutput, Action<string> onError)
    {
        var info = new ProcessStartInfo
        {
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // closed right away: no child reads the terminal or touches its settings
        };
        var command = new List<string>();
        if (_setsid is not null) command.Add(_setsid);
        if (_setpriv is not null) command.AddRange([_setpriv, "--pdeathsig", "TERM", "--"]);
        command.Add(spec.FileName);
        command.AddRange(spec.Arguments);
        info.FileName = command[0];
        command.Skip(1).ToList().ForEach(info.ArgumentList.Add);
        foreach (var (name, value) in spec.Environment)
            if (value is null) info.Environment.Remove(name); else info.Environment[name] = value;

        Process process;
        try { process = Process.Start(info) ?? throw new AppHostException($"Could not start {spec.FileName}."); }
        catch (Win32Exception e) { throw new AppHostException($"Could not start {command[0]}: {e.Message}"); }

        var child = new ChildProcess(process, ownProcessGroup: _setsid is not null, onOutput, onError);
        _live[child] = 0;
        _ = child.Exited.ContinueWith(_ => _live.TryRemove(child, out byte _), TaskScheduler.Default);
        return child;
    }
}
