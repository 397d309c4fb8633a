using System.Globalization;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.IntegrationTests.Platform;

/// <summary>
/// What a cashier waits on (the gateway and the Order API) runs at a higher CPU priority than the back office, where
/// AppHost may set it: as root, on a Linux kernel with autogroups (each project's session its own scheduling group).
/// </summary>
[Collection(PlatformCollection.Name)]
public class CpuPriorityTests(PlatformFixture platform)
{
    [Fact]
    public void The_gateway_and_the_order_api_get_nice_minus_5_for_their_scheduling_group_and_the_workers_keep_the_default()
    {
        if (!File.Exists("/proc/self/autogroup"))
        {
            // A kernel without autogroups: nothing to set, and nothing was set on AppHost's own session either.
            Assert.False(File.Exists($"/proc/{Pid("gateway")}/autogroup"));
            return;
        }
        var settable = File.ReadAllText("/proc/sys/kernel/sched_autogroup_enabled").Trim() == "1" && Environment.UserName == "root";
        var raised = settable ? -5 : 0;

        Assert.Equal(raised, Nice(Pid("gateway")));
        Assert.Equal(raised, Nice(Pid("order")));
        foreach (var worker in new[] { "order-worker", "inventory", "payment", "pickup", "pricing" })
            Assert.Equal(0, Nice(Pid(worker)));
        Assert.Equal(0, Nice(Environment.ProcessId)); // AppHost's session (and this one) untouched
    }

    private int Pid(string resource) => platform.AppHost.Resource(resource).GetProperty("pid").GetInt32();

    /// <summary>
    /// "/autogroup-42 nice -5" → -5. A process in the kernel's root group (a session nobody ever started with setsid, as
    /// where some CI runners start their jobs) reads as an empty file: that group's nice is always 0.
    /// </summary>
    private static int Nice(int pid) =>
        File.ReadAllText($"/proc/{pid}/autogroup").Trim() is { Length: > 0 } group
            ? int.Parse(group[(group.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)
            : 0;
}
