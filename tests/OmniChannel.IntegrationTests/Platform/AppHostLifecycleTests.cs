using System.Diagnostics;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.IntegrationTests.Platform;

/// <summary>The README's run command as a user lives it: servers given by connection string, Ctrl+C leaves nothing.</summary>
[Collection(PlatformCollection.Name)]
public class AppHostLifecycleTests(PlatformFixture platform)
{
    [Fact]
    public async Task With_connection_strings_set_AppHost_uses_those_servers_and_Ctrl_C_leaves_no_process_behind()
    {
        var appHost = await AppHostProcess.StartAsync(platform.Infrastructure);
        await using (appHost)
        {
            Assert.Equal(platform.Infrastructure.Postgres, appHost.Resource("postgres").GetProperty("connectionString").GetString());
            Assert.Equal(platform.Infrastructure.RabbitMq, appHost.Resource("rabbitmq").GetProperty("connectionString").GetString());
            var children = appHost.ChildProcessIds();
            Assert.Equal(8, children.Count); // five services (Order as its API and its worker), the processor emulator and the gateway; no server processes of its own

            Assert.Equal(0, await appHost.InterruptAsync(TimeSpan.FromSeconds(60)));

            await Poll.UntilAsync(() => Task.FromResult(children.All(HasExited)), TimeSpan.FromSeconds(10), "every child to be gone");
        }

        // The servers it was given are still there: AppHost stops only what it started.
        using var health = await platform.Gateway.GetAsync("/health/ready");
        Assert.True(health.IsSuccessStatusCode);
    }

    private static bool HasExited(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
