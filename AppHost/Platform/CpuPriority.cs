using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OmniChannel.AppHost.Platform;

/// <summary>
/// Scheduling: what a cashier waits on (the gateway and the Order API) runs before the back office when both want the
/// CPU. Linux shares the CPU between sessions first (autogroups). DCP starts every process in one session, so each
/// service is asked to take a session of its own (ServiceDefaults' Scheduling, <c>Scheduling__OwnSession</c>), and
/// PostgreSQL and RabbitMQ run in sessions of their own (deploy/local/*.sh): each is then weighed as a whole. The
/// gateway's and the Order API's sessions get nice -5 (<c>/proc/&lt;pid&gt;/autogroup</c>). They use about 3 ms of CPU
/// per order together; measured in docs/benchmarks.md ("Orders"). Lowering a nice needs root (CAP_SYS_NICE) and a kernel
/// with autogroups: otherwise AppHost says so and they run at the default.
/// </summary>
internal static class CpuPriority
{
    private const string AutogroupsEnabled = "/proc/sys/kernel/sched_autogroup_enabled";

    public static IResourceBuilder<ProjectResource> WithOwnSession(this IResourceBuilder<ProjectResource> project) =>
        project.WithEnvironment("Scheduling__OwnSession", "true");

    public static IResourceBuilder<ProjectResource> WithCpuPriority(this IResourceBuilder<ProjectResource> project, int nice)
    {
        // On every (re)start: the resource becomes ready again, with a new process.
        project.OnResourceReady((resource, @event, _) =>
        {
            var logger = @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OmniChannel.AppHost");
            if (!File.Exists(AutogroupsEnabled) || File.ReadAllText(AutogroupsEnabled).Trim() != "1")
            {
                logger.LogWarning("{Resource} runs at the default CPU priority: the kernel shares no CPU by session (autogroups)", resource.Name);
                return Task.CompletedTask;
            }
            if (ServiceProcess(@event.Services, resource.Name) is not { } pid || Autogroup(pid) == Autogroup(Environment.ProcessId))
                return Task.CompletedTask; // gone, or (an older service) in a session it shares: not ours to change
            try
            {
                File.WriteAllText($"/proc/{pid}/autogroup", nice.ToString(CultureInfo.InvariantCulture));
            }
            catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
            {
                logger.LogWarning("{Resource} runs at the default CPU priority: nice {Nice} needs root ({Reason})",
                    resource.Name, nice, exception.Message);
            }
            return Task.CompletedTask;
        });
        return project;
    }

    /// <summary>DCP runs a project as `dotnet run` (the resource's pid), which runs the service as its only child.</summary>
    private static int? ServiceProcess(IServiceProvider services, string resource)
    {
        if (!services.GetRequiredService<ResourceNotificationService>().TryGetCurrentState(resource, out var current)
            || current.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is not { } runner)
            return null;
        var pid = Convert.ToInt32(runner, CultureInfo.InvariantCulture);
        var children = Read($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return children.Length == 1 ? int.Parse(children[0], CultureInfo.InvariantCulture) : null;
    }

    /// <summary>"/autogroup-42 nice 0" → "/autogroup-42"; empty for a process in the kernel's root group or gone.</summary>
    private static string Autogroup(int pid) => Read($"/proc/{pid}/autogroup").Split(' ')[0];

    private static string Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException) { return ""; }
    }
}
