using System.Globalization;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.IntegrationTests.Platform;

/// <summary>
/// What a cashier waits on (the gateway and the Order API) runs at a higher CPU priority than the back office, where
/// AppHost may set it (root): every thread of their processes at nice -5, every other service's at 0.
/// </summary>
[Collection(PlatformCollection.Name)]
public class CpuPriorityTests(PlatformFixture platform)
{
    [Fact]
    public void The_gateway_and_the_order_api_run_at_nice_minus_5_and_the_back_office_at_the_default()
    {
        var raised = Environment.UserName == "root" ? -5 : 0;

        Assert.All(Nice("gateway"), nice => Assert.Equal(raised, nice));
        Assert.All(Nice("order"), nice => Assert.Equal(raised, nice));
        foreach (var service in new[] { "order-worker", "inventory", "payment", "pickup", "pricing", "processor-emulator" })
            Assert.All(Nice(service), nice => Assert.Equal(0, nice));
    }

    /// <summary>The nice value of every thread of the service's process (field 19 of /proc/&lt;pid&gt;/task/&lt;tid&gt;/stat).</summary>
    private IReadOnlyList<int> Nice(string resource)
    {
        var pid = platform.Platform.ServiceProcessId(resource);
        var threads = Directory.EnumerateDirectories($"/proc/{pid}/task").Select(task =>
        {
            var stat = File.ReadAllText(Path.Combine(task, "stat"));
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], CultureInfo.InvariantCulture);
        }).ToList();
        Assert.True(threads.Count > 5, $"{resource}: {threads.Count} threads");
        return threads;
    }
}
