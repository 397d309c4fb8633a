using System.Globalization;
using System.Runtime.InteropServices;

namespace OmniChannel.AppHost.Hosting;

/// <summary>The few POSIX calls .NET doesn't expose: sending a signal other than SIGKILL, and un-ignoring SIGINT.</summary>
internal static class Posix
{
    public const int SIGINT = 2;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;

    /// <summary>kill(2): a negative pid signals the whole process group.</summary>
    public static bool Signal(int pid, int signal) => OperatingSystem.IsLinux() && kill(pid, signal) == 0;

    /// <summary>
    /// A shell starts background jobs of a non-interactive script with SIGINT ignored, and .NET then never
    /// sees it; AppHost restores the default so `kill -INT` stops it the way Ctrl+C does in a terminal.
    /// Only when ignored: otherwise the runtime's own handler is installed and must stay.
    /// </summary>
    public static void UnignoreSigint()
    {
        if (!OperatingSystem.IsLinux()) return;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        if (line is not null && ulong.TryParse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, null, out var ignored)
            && (ignored & (1UL << (SIGINT - 1))) != 0)
            signal(SIGINT, IntPtr.Zero); // SIG_DFL
    }

    /// <summary>
    /// Sets the nice value of the scheduling group (autogroup) of the session <paramref name="pid"/> runs in, once that
    /// is a session of its own (AppHost starts projects with setsid, which runs right after the start: waited for up to
    /// two seconds), never AppHost's own. False when the kernel has no autogroups or the nice may not be lowered.
    /// </summary>
    public static async Task<bool> TrySetSessionNiceAsync(int pid, int nice)
    {
        const string enabled = "/proc/sys/kernel/sched_autogroup_enabled";
        if (!OperatingSystem.IsLinux() || !File.Exists(enabled) || File.ReadAllText(enabled).Trim() != "1")
            return false;
        var own = Autogroup("self");
        for (var deadline = DateTime.UtcNow.AddSeconds(2); Autogroup(pid.ToString(CultureInfo.InvariantCulture)) is { } group; await Task.Delay(10))
        {
            if (group != own)
            {
                try
                {
                    await File.WriteAllTextAsync($"/proc/{pid}/autogroup", nice.ToString(CultureInfo.InvariantCulture));
                    return true;
                }
                catch (Exception e) when (e is UnauthorizedAccessException or IOException)
                {
                    return false;
                }
            }
            if (DateTime.UtcNow > deadline)
                return false; // still in AppHost's session: not ours to change
        }
        return false; // gone already
    }

    /// <summary>"/autogroup-42 nice 0" → "/autogroup-42", or null when the process is gone.</summary>
    private static string? Autogroup(string pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/autogroup").Split(' ')[0]; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>An executable on PATH, or null.</summary>
    public static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    [DllImport("libc")]
    private static extern IntPtr signal(int sig, IntPtr handler);
}
