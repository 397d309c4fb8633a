using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OmniChannel.AppHost.Infrastructure;

/// <summary>
/// A server that cannot start ends the run with its name and its reason. Aspire shows such a resource as Exited in
/// the dashboard, but everything that waits for it waits on, and the console says nothing: a silent hang.
/// </summary>
internal static class StartupFailures
{
    private const int ReasonLines = 15;

    public static IResourceBuilder<T> WithStartupFailureReport<T>(this IResourceBuilder<T> builder) where T : IResource
    {
        builder.ApplicationBuilder.Eventing.Subscribe<BeforeStartEvent>((@event, ct) =>
        {
            var lifetime = @event.Services.GetRequiredService<IHostApplicationLifetime>();
            _ = WatchAsync(builder.Resource, @event.Services, lifetime.ApplicationStopping);
            return Task.CompletedTask;
        });
        return builder;
    }

    private static async Task WatchAsync(IResource resource, IServiceProvider services, CancellationToken stopping)
    {
        var lines = new Queue<string>();
        var logs = services.GetRequiredService<ResourceLoggerService>();
        _ = Task.Run(async () =>
        {
            await foreach (var batch in logs.WatchAsync(resource.Name).WithCancellation(stopping))
                lock (lines)
                    foreach (var line in batch)
                    {
                        lines.Enqueue(line.Content);
                        if (lines.Count > ReasonLines)
                            lines.Dequeue();
                    }
        }, stopping);

        try
        {
            var notifications = services.GetRequiredService<ResourceNotificationService>();
            var end = await notifications.WaitForResourceAsync(resource.Name, e =>
                e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                || KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), stopping);
            if (end.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
                return;

            string reason;
            lock (lines)
                reason = string.Join(Environment.NewLine, lines);
            services.GetRequiredService<ILoggerFactory>().CreateLogger("OmniChannel.AppHost").LogCritical(
                "{Resource} could not start ({State}, exit code {ExitCode}); nothing that needs it can run, so OmniChannel stops. Its last lines:{NewLine}{Reason}",
                resource.Name, end.Snapshot.State?.Text, end.Snapshot.ExitCode, Environment.NewLine, reason);
            Environment.ExitCode = 1;
            services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // stopped before the server was up or down
        }
    }
}
