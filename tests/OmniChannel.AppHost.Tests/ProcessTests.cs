namespace OmniChannel.AppHost.Tests;

/// <summary>Child processes for real, with bash scripts standing in for services.</summary>
public sealed class ProcessTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ProcessLauncher _launcher = new();

    public void Dispose()
    {
        _launcher.KillAll();
        _launcher.Dispose();
    }

    private async Task<(ChildProcess Child, string FirstLine, List<string> Lines)> StartAsync(string script)
    {
        var lines = new List<string>();
        var first = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var spec = new LaunchSpec("bash", ["-c", script], Path.GetTempPath(), new Dictionary<string, string?>());
        var child = await _launcher.StartAsync(spec, line =>
        {
            lock (lines) lines.Add(line);
            first.TrySetResult(line);
        });
        return (child, await first.Task.WaitAsync(Patience), lines);
    }

    [Fact]
    public async Task Stop_asks_with_SIGTERM_first()
    {
        var (child, _, lines) = await StartAsync("trap 'echo bye; exit 7' TERM; echo ready; while :; do sleep 0.05; done");

        var code = await child.StopAsync(Patience, CancellationToken.None);

        Assert.Equal(7, code);
        Assert.Contains("bye", lines);
        Assert.True(child.HasExited);
    }

    [Fact]
    public async Task Stop_kills_the_whole_group_when_SIGTERM_is_ignored()
    {
        var (child, first, _) = await StartAsync("trap '' TERM; sleep 1000 & echo \"$!\"; wait");
        var grandchild = int.Parse(first);

        var code = await child.StopAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None);

        Assert.Equal(128 + 9, code);
        await WaitUntilAsync(() => !IsAlive(grandchild));
    }

    [Fact]
    public async Task A_second_signal_cuts_the_grace_period_short()
    {
        var (child, _, _) = await StartAsync("trap '' TERM; echo ready; while :; do sleep 0.05; done");
        using var hurry = new CancellationTokenSource();

        var stopping = child.StopAsync(TimeSpan.FromMinutes(5), hurry.Token);
        await hurry.CancelAsync();

        Assert.Equal(128 + 9, await stopping.WaitAsync(Patience));
    }

    [Fact]
    public async Task Each_child_leads_its_own_process_group_so_the_terminals_ctrl_c_misses_it()
    {
        if (!OperatingSystem.IsLinux()) return; // process groups via setsid: Linux only
        var (child, first, _) = await StartAsync("echo $$; exec sleep 1000");

        Assert.Equal(child.Pid, int.Parse(first)); // setsid and setpriv exec: the pid is the program's
        Assert.Equal(child.Pid, ProcessGroup(child.Pid));
        child.Kill();
        await child.Exited.WaitAsync(Patience);
    }

    private static int ProcessGroup(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[2]);
    }

    // A killed process may linger a moment as a zombie until its new parent reaps it.
    private static bool IsAlive(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/stat") is var stat && stat[(stat.LastIndexOf(')') + 2)] != 'Z'; }
        catch (IOException) { return false; }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(20);
        }
    }
}
