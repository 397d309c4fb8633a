using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OmniChannel.AppHost.Platform;

/// <summary>
/// One line on the console once the gateway is ready (every service it waits for is healthy): how long the start took
/// and where to go (the token service too, where terminals and developers get their tokens). Aspire itself prints only the dashboard's address, and the services' output goes to the dashboard.
/// </summary>
internal static class StartupReport
{
    public static IResourceBuilder<ProjectResource> WithStartupReport(this IResourceBuilder<ProjectResource> gateway)
    {
        gateway.OnResourceReady((resource, @event, _) =>
        {
            var took = DateTime.Now - Process.GetCurrentProcess().StartTime;
            var resources = @event.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<IResourceWithEndpoints>().ToList();
            var dashboard = resources.FirstOrDefault(r => r.Name == "aspire-dashboard")?.GetEndpoint("http").Url;
            var identity = resources.FirstOrDefault(r => r.Name == "identity")?.GetEndpoint("http").Url;
            @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OmniChannel.AppHost").LogInformation(
                "OmniChannel is up in {Seconds:0.0} s: gateway {Gateway}, identity {Identity}, dashboard {Dashboard}",
                took.TotalSeconds, resource.GetEndpoint("http").Url, identity ?? "(external)", dashboard ?? "(off)");
            return Task.CompletedTask;
        });
        return gateway;
    }
}
