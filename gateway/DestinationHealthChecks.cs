using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;

namespace OmniChannel.Gateway;

/// <summary>
/// The gateway is ready when every service behind it is: one readiness check per cluster, each asking the
/// service's own /health/ready, so an operator sees at a glance which service is down.
/// </summary>
internal static class DestinationHealthChecks
{
    public const string HttpClientName = "destination-health";

    public static void AddDestinationHealthChecks(this IHostApplicationBuilder builder)
    {
        // A probe must answer fast and honestly: no retries that hide a down service behind seconds of back-off.
        // Service discovery still resolves http://<service> for it (ServiceDefaults adds it to every client).
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way.
        builder.Services.AddHttpClient(HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(3))
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        var health = builder.Services.AddHealthChecks();
        foreach (var cluster in builder.Configuration.GetSection("ReverseProxy:Clusters").GetChildren())
            health.Add(new HealthCheckRegistration($"service:{cluster.Key}",
                services => ActivatorUtilities.CreateInstance<DestinationHealthCheck>(services, cluster.Key),
                HealthStatus.Unhealthy, [ServiceDefaultsExtensions.ReadyTag]));
    }
}

internal sealed class DestinationHealthCheck(string clusterId, IHttpClientFactory httpClients, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var address = configuration[$"ReverseProxy:Clusters:{clusterId}:Destinations:primary:Address"]
            ?? throw new InvalidOperationException($"Cluster {clusterId} has no 'primary' destination.");
        try
        {
            using var response = await httpClients.CreateClient(DestinationHealthChecks.HttpClientName)
                .GetAsync(new Uri(new Uri(address), "/health/ready"), cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy($"{address} is ready.")
                : HealthCheckResult.Unhealthy($"{address} answered {(int)response.StatusCode}.");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{address} is unreachable.", exception);
        }
    }
}
