using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OmniChannel.AppHost.Platform;

/// <summary>
/// One line on the console once the gateway is ready (every service it waits for is healthy): how long the start took
/// and where to go. Aspire itself prints only the dashboard's address, and the services' output goes to the dashboard.
/// </summary>
internal static class StartupReport
{
    public static IResourceBuilder<ProjectResource> WithStartupReport(this IResourceBuilder<ProjectResource> gateway)
    {
        gateway.OnResourceReady((resource, @event, _) =>
        {
            var took = DateTime.Now - Process.GetCurrentProcess().StartTime;
            var dashboard = @event.Services.GetRequiredService<DistributedApplicationModel>().Resources
                .OfType<IResourceWithEndpoints>().FirstOrDefault(r => r.Name == "aspire-dashboard")?.GetEndpoint("http").Url;
            @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OmniChannel.AppHost").LogInformation(
                "OmniChannel is up in {Seconds:0.0} s: gateway {Gateway}, dashboard {Dashboard}",
                took.TotalSeconds, resource.GetEndpoint("http").Url, dashboard ?? "(off)");
            return Task.CompletedTask;
        });
        return gateway;
    }
}
