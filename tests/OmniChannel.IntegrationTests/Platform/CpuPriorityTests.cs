using System.Globalization;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.IntegrationTests.Platform;

/// <summary>
/// What a cashier waits on (the gateway and the Order API) runs at a higher CPU priority than the back office: every
/// service in a scheduling group (session) of its own, the gateway's and the Order API's at nice -5 where AppHost may
/// set it (root, a kernel with autogroups), every other at 0.
/// </summary>
[Collection(PlatformCollection.Name)]
public class CpuPriorityTests(PlatformFixture platform)
{
    private static readonly string[] BackOffice = ["order-worker", "inventory", "payment", "pickup", "pricing", "processor-emulator", "identity"];

    [Fact]
    public void The_gateway_and_the_order_api_get_nice_minus_5_for_their_scheduling_group_and_the_back_office_the_default()
    {
        if (!File.Exists("/proc/self/autogroup"))
            return; // a kernel without autogroups: nothing to set
        var settable = File.ReadAllText("/proc/sys/kernel/sched_autogroup_enabled").Trim() == "1" && Environment.UserName == "root";
        var raised = settable ? -5 : 0;

        Assert.Equal(raised, Nice(Group("gateway")));
        Assert.Equal(raised, Nice(Group("order")));
        foreach (var service in BackOffice)
            Assert.Equal(0, Nice(Group(service)));
        var groups = BackOffice.Append("gateway").Append("order").Select(s => Group(s).Split(' ')[0]).ToList();
        Assert.Equal(groups.Count, groups.Distinct().Count()); // a group of its own each
        Assert.DoesNotContain(Group(Environment.ProcessId).Split(' ')[0], groups);
    }

    private string Group(string resource) => Group(platform.Platform.ServiceProcessId(resource));

    /// <summary>"/autogroup-42 nice -5" (empty for the kernel's root group, whose nice is always 0).</summary>
    private static string Group(int pid) => File.ReadAllText($"/proc/{pid}/autogroup").Trim();

    private static int Nice(string group) =>
        group.Length > 0 ? int.Parse(group[(group.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture) : 0;
}
