using System.Net;
using System.Net.Sockets;

namespace OmniChannel.AppHost.Hosting;

/// <summary>An endpoint with its port decided for this run.</summary>
internal sealed record AllocatedEndpoint(string Resource, string Name, int Port, bool Http2Only)
{
    public string Url => $"http://127.0.0.1:{Port}";
}

/// <summary>
/// Decides every port before anything starts, so a clash is reported up front rather than as a
/// service dying half-way through startup with "address already in use".
/// </summary>
internal static class PortAllocator
{
    public static IReadOnlyList<AllocatedEndpoint> Allocate(IEnumerable<ProjectResource> projects, bool dynamicPorts, bool checkFixedPorts = true)
    {
        var wanted = projects.SelectMany(p => p.Endpoints.Select(e => (Project: p, Endpoint: e))).ToList();
        var problems = new List<string>();

        foreach (var clash in wanted.Where(w => !dynamicPorts && w.Endpoint.Port is not null).GroupBy(w => w.Endpoint.Port).Where(g => g.Count() > 1))
            problems.Add($"Port {clash.Key} is declared by {string.Join(" and ", clash.Select(Describe))}.");
        foreach (var (project, endpoint) in wanted.Where(w => checkFixedPorts && !dynamicPorts && w.Endpoint.Port is not null).DistinctBy(w => w.Endpoint.Port))
            if (BindError(endpoint.Port!.Value) is { } error)
                problems.Add($"Port {endpoint.Port} ({Describe((project, endpoint))}) can't be used on 127.0.0.1: {error}.");
        if (problems.Count > 0)
            throw new AppHostException(string.Join(Environment.NewLine, problems) + Environment.NewLine +
                                       "Stop what holds it (another AppHost?) or run with --ports dynamic. Nothing was started.");

        // Every free port is held until all are chosen, so the kernel can't hand out the same one twice.
        var listeners = new List<TcpListener>();
        try
        {
            return wanted.Select(w =>
            {
                var port = dynamicPorts || w.Endpoint.Port is null ? Reserve(listeners) : w.Endpoint.Port.Value;
                return new AllocatedEndpoint(w.Project.Name, w.Endpoint.Name, port, w.Endpoint.Http2Only);
            }).ToList();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    /// <summary>Null when the port can be bound on loopback right now, else why not ("address already in use").</summary>
    public static string? BindError(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return null;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return "it is already in use";
        }
        catch (SocketException e)
        {
            return e.Message;
        }
    }

    private static int Reserve(List<TcpListener> listeners)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        listeners.Add(listener);
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Describe((ProjectResource Project, EndpointAnnotation Endpoint) w) =>
        $"{w.Project.Name}, endpoint '{w.Endpoint.Name}'";
}
