using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace OmniChannel.AppHost.Platform;

/// <summary>
/// A developer's run keeps the ports the README names (the gateway on 8080, each service's own from its
/// appsettings.json); when Aspire randomizes ports (the testing builder does), every port is chosen free, so tests run
/// beside a running platform.
/// </summary>
internal static class Ports
{
    public static bool Randomized(this IDistributedApplicationBuilder builder) =>
        builder.Configuration.GetValue<bool>("DcpPublisher:RandomizePorts");

    public static int? FixedPort(this IDistributedApplicationBuilder builder, int port) => builder.Randomized() ? null : port;

    /// <summary>
    /// The project serves its endpoints itself. By default DCP puts a proxy process in front of every endpoint; for
    /// six processes sharing two cores that is one more hop and more CPU on every request a cashier waits for.
    /// <paramref name="port"/> moves the http endpoint (the Order service's worker beside its API).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithOwnEndpoints(this IResourceBuilder<ProjectResource> project, int? port = null)
    {
        foreach (var endpoint in project.Resource.Annotations.OfType<EndpointAnnotation>())
        {
            endpoint.IsProxied = false;
            if (port is not null && endpoint.Name == "http")
                endpoint.Port = port;
            if (project.ApplicationBuilder.Randomized())
                endpoint.Port = null;
        }
        return project;
    }
}
