using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;

namespace OmniChannel.ServiceDefaults;

/// <summary>
/// A session of its own, when the host asks for one (<c>Scheduling:OwnSession</c>, which AppHost sets). Aspire's
/// orchestrator starts every process in one session, and Linux's scheduler shares the CPU between sessions first
/// (autogroups): in one shared session every runnable thread of every service counts alone, so a busy worker crowds out
/// the gateway and the Order API that a cashier waits on. In a session of its own each service is one group, weighed as
/// a whole, as a container of its own would be; AppHost then raises the groups of the gateway and the Order API. The
/// orchestrator still stops it with its parent (it stops a process's descendants, not its session).
/// </summary>
internal static class Scheduling
{
    public static void TakeOwnSessionIfAsked(IConfiguration configuration)
    {
        if (OperatingSystem.IsLinux() && configuration.GetValue<bool>("Scheduling:OwnSession"))
            _ = SetSid(); // fails only for a process group leader, which already leads a group of its own
    }

    [DllImport("libc", EntryPoint = "setsid")]
    private static extern int SetSid();
}
