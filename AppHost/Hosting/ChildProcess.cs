using System.ComponentModel;
using System.Diagnostics;

namespace OmniChannel.AppHost.Hosting;

/// <summary>A running child: its output goes line by line to callbacks; it can be stopped gracefully or killed.</summary>
internal sealed class ChildProcess
{
    private readonly Process _process;
    private readonly bool _ownProcessGroup;

    public ChildProcess(Process process, bool ownProcessGroup, Action<string> onOutput, Action<string> onError)
    {
        _process = process;
        _ownProcessGroup = ownProcessGroup;
        Pid = process.Id;
        process.StandardInput.Close();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onOutput(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onError(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Exited = WaitForExitAsync();
    }

    public int Pid { get; }

    /// <summary>The exit code, once the process has exited and its output is drained; 128+n when killed by signal n.</summary>
    public Task<int> Exited { get; }

    public bool HasExited => Exited.IsCompleted;

    /// <summary>
    /// SIGTERM (which .NET's host turns into a graceful shutdown), up to <paramref name="grace"/> to exit,
    /// then SIGKILL for everything it started. <paramref name="hurry"/> cuts the grace short (a second Ctrl+C).
    /// </summary>
    /// <returns>Its exit code.</returns>
    public async Task<int> StopAsync(TimeSpan grace, CancellationToken hurry)
    {
        if (HasExited) return await Exited;
        if (!Signal(Posix.SIGTERM)) Kill();
        try
        {
            return await Exited.WaitAsync(grace, hurry);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            Kill();
            return await Exited;
        }
    }

    /// <summary>SIGKILL to its process group and every descendant; safe to call at any time, from any thread.</summary>
    public void Kill()
    {
        if (HasExited) return;
        Signal(Posix.SIGKILL);
        try { _process.Kill(entireProcessTree: true); }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception) { } // already gone
    }

    // With its own process group (setsid), the group id is the child's pid: -pid reaches all it started.
    private bool Signal(int signal) => Posix.Signal(_ownProcessGroup ? -Pid : Pid, signal);

    private async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync();
        var code = _process.ExitCode;
        _process.Dispose();
        return code;
    }
}
