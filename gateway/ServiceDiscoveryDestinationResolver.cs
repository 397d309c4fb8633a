using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace OmniChannel.Gateway;

/// <summary>
/// Turns a destination address such as <c>http://order</c> into the service's real endpoints through
/// Microsoft.Extensions.ServiceDiscovery (from <c>services__order__http__0</c>, set by AppHost), and
/// re-resolves when discovery signals a change.
/// </summary>
internal sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>();
        var changeTokens = new List<IChangeToken>();
        foreach (var (name, destination) in destinations)
        {
            var address = new Uri(destination.Address);
            var source = await resolver.GetEndpointsAsync($"{address.Scheme}://{address.Host}", cancellationToken);
            changeTokens.Add(source.ChangeToken);
            var index = 0;
            foreach (var endpoint in source.Endpoints)
            {
                var uri = ToUri(address, endpoint.EndPoint.ToString()!);
                resolved[$"{name}[{index++}]"] = destination with { Address = uri.ToString(), Host = destination.Host };
            }
        }
        return new ResolvedDestinationCollection(resolved, new CompositeChangeToken(changeTokens));
    }

    private static Uri ToUri(Uri configured, string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? new Uri(absolute, configured.PathAndQuery)
            : new UriBuilder(configured) { Host = endpoint.Split(':')[0], Port = int.Parse(endpoint.Split(':')[1]) }.Uri;
}
