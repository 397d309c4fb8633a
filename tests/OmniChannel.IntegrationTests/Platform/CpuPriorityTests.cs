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
        var expected = settable ? "nice -5" : "nice 0";

        Assert.EndsWith(expected, Autogroup("gateway"));
        Assert.EndsWith(expected, Autogroup("order"));
        foreach (var worker in new[] { "order-worker", "inventory", "payment", "pickup", "pricing" })
            Assert.EndsWith("nice 0", Autogroup(worker));
        Assert.EndsWith("nice 0", File.ReadAllText("/proc/self/autogroup").Trim()); // AppHost's session (and this one) untouched
    }

    private int Pid(string resource) => platform.AppHost.Resource(resource).GetProperty("pid").GetInt32();

    private string Autogroup(string resource) => File.ReadAllText($"/proc/{Pid(resource)}/autogroup").Trim();
}
