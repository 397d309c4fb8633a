using System.Runtime.InteropServices;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OmniChannel.AppHost.Platform;

/// <summary>
/// What a cashier waits on (the gateway and the Order API) runs before the back office when both want the CPU: every
/// thread of its process gets a nice value below the default (threads it starts later inherit it). DCP starts every
/// resource in its own session, one scheduling group for all, so Linux weighs their threads by nice. They use about
/// 3 ms of CPU per order together; measured in docs/benchmarks.md ("Orders"). A negative nice needs root
/// (CAP_SYS_NICE): without it AppHost says so once and they run at the default.
/// </summary>
internal static partial class CpuPriority
{
    private const int PrioProcess = 0;

    public static IResourceBuilder<ProjectResource> WithCpuPriority(this IResourceBuilder<ProjectResource> project, int nice)
    {
        // Once per process: on every (re)start the resource becomes ready again with a new one.
        project.OnResourceReady((resource, @event, _) =>
        {
            var logger = @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OmniChannel.AppHost");
            var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
            if (!notifications.TryGetCurrentState(resource.Name, out var current)
                || current.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is not { } runner)
                return Task.CompletedTask;
            // DCP runs a project as `dotnet run`, which runs the service as its child.
            var pid = Convert.ToInt32(runner);
            var children = File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var service in children.Append(pid.ToString()))
                foreach (var thread in Directory.EnumerateDirectories($"/proc/{service}/task"))
                    if (SetPriority(PrioProcess, int.Parse(Path.GetFileName(thread)), nice) != 0)
                    {
                        logger.LogWarning("{Resource} runs at the default CPU priority: nice {Nice} needs root (errno {Errno})",
                            resource.Name, nice, Marshal.GetLastPInvokeError());
                        return Task.CompletedTask;
                    }
            return Task.CompletedTask;
        });
        return project;
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);
}
