using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OmniChannel.AppHost.Infrastructure;

/// <summary>
/// A server that cannot start ends the run with its name and its reason. Aspire shows such a resource as Finished in
/// the dashboard, but everything that waits for it waits on, and the console says nothing: a silent hang.
/// </summary>
internal static class StartupFailures
{
    private const int ReasonLines = 15;

    /// <summary>Set once a failure stopped the run: the host's own report of its cancelled start would only bury the reason.</summary>
    private static volatile bool stopped;

    public static IResourceBuilder<T> WithStartupFailureReport<T>(this IResourceBuilder<T> builder) where T : IResource
    {
        builder.ApplicationBuilder.Services.AddLogging(logging => logging
            .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => level >= LogLevel.Information && !stopped)
            .AddFilter("Aspire.Hosting.Dcp.DcpExecutor", level => level >= LogLevel.Information && !stopped));
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
        try
        {
            var notifications = services.GetRequiredService<ResourceNotificationService>();
            var end = await notifications.WaitForResourceAsync(resource.Name, e =>
                e.Snapshot.HealthStatus == HealthStatus.Healthy || KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), stopping);
            if (end.Snapshot.HealthStatus == HealthStatus.Healthy)
                return;

            var reason = await LastLinesAsync(resource, services.GetRequiredService<ResourceLoggerService>(), stopping);
            services.GetRequiredService<ILoggerFactory>().CreateLogger("OmniChannel.AppHost").LogCritical(
                "{Resource} could not start ({State}, exit code {ExitCode}); nothing that needs it can run, so OmniChannel stops. Its last lines:{NewLine}{Reason}",
                resource.Name, end.Snapshot.State?.Text, end.Snapshot.ExitCode, Environment.NewLine, reason);
            stopped = true;
            Environment.ExitCode = 1;
            services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // stopped before the server was up or down
        }
    }

    /// <summary>Its console's last lines, read from DCP; they are written a moment behind the exit (wait at most 5 s).</summary>
    private static async Task<string> LastLinesAsync(IResource resource, ResourceLoggerService logs, CancellationToken stopping)
    {
        var lines = new List<string>();
        for (var attempt = 0; attempt < 50 && lines.Count == 0; attempt++)
        {
            if (attempt > 0)
                await Task.Delay(100, stopping);
            await foreach (var batch in logs.GetAllAsync(resource).WithCancellation(stopping))
                lines.AddRange(batch.Select(line => line.Content));
        }
        return string.Join(Environment.NewLine, lines.TakeLast(ReasonLines));
    }
}
