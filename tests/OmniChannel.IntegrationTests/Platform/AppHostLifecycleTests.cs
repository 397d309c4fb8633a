using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.IntegrationTests.Platform;

/// <summary>
/// The README's run command as a user lives it: with ConnectionStrings__postgres / __rabbitmq naming running servers,
/// AppHost starts no server of its own; it says when it is up; SIGTERM stops everything it started.
/// </summary>
[Collection(PlatformCollection.Name)]
public class AppHostLifecycleTests(PlatformFixture platform)
{
    private static readonly string[] Services =
        ["gateway", "order", "order-worker", "inventory", "payment", "pickup", "pricing", "processor-emulator", "identity"];

    [Fact]
    public async Task With_connection_strings_set_AppHost_starts_no_server_and_SIGTERM_leaves_no_process_behind()
    {
        await using var run = await AppHostRun.StartAsync(TimeSpan.FromMinutes(5), new Dictionary<string, string>
        {
            ["ConnectionStrings__postgres"] = await platform.Platform.ConnectionStringAsync("postgres"),
            ["ConnectionStrings__rabbitmq"] = await platform.Platform.ConnectionStringAsync("rabbitmq"),
        });
        using (var client = new HttpClient { BaseAddress = run.Gateway })
        using (var ready = await client.GetAsync("/health/ready"))
            Assert.True(ready.IsSuccessStatusCode);

        var tree = run.ProcessTree();
        Assert.DoesNotContain(tree, p => p.Name is "postgres" or "beam.smp" or "epmd");
        Assert.Equal(Services.Length, tree.Count(p => p.Name.StartsWith("OmniChannel.", StringComparison.Ordinal) && p.Name != "OmniChannel.App"));
        Assert.Contains(tree, p => p.Name == "dcp");

        Assert.Equal(0, await run.TerminateAsync(TimeSpan.FromSeconds(60)));
        await Poll.UntilAsync(() => Task.FromResult(tree.All(p => HasExited(p.Pid))), TimeSpan.FromSeconds(30),
            "every process AppHost started to be gone");

        // The servers it was given are still there: AppHost stops only what it started.
        using var health = await platform.Gateway.GetAsync("/health/ready");
        Assert.True(health.IsSuccessStatusCode);
    }

    /// <summary>Gone, or a zombie: exited, waiting only for a parent (here, often init) to collect its exit code.</summary>
    private static bool HasExited(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }
}
