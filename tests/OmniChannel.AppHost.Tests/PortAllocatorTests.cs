using System.Net;
using System.Net.Sockets;

namespace OmniChannel.AppHost.Tests;

public class PortAllocatorTests
{
    private static (List<ProjectResource> Projects, TcpListener Holder) ProjectsWithAPortInUse()
    {
        var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var taken = ((IPEndPoint)holder.LocalEndpoint).Port;
        var builder = Model.Builder();
        builder.AddProject("order", "o.csproj").WithHttpEndpoint(port: taken);
        builder.AddProject("pricing", "p.csproj").WithHttpEndpoint().WithHttpEndpoint(name: "grpc", http2Only: true);
        return (builder.Resources.OfType<ProjectResource>().ToList(), holder);
    }

    [Fact]
    public void A_fixed_port_in_use_fails_naming_the_port_and_the_resource()
    {
        var (projects, holder) = ProjectsWithAPortInUse();
        using (holder)
        {
            var error = Assert.Throws<AppHostException>(() => PortAllocator.Allocate(projects, dynamicPorts: false));

            var port = ((IPEndPoint)holder.LocalEndpoint).Port;
            Assert.Contains($"Port {port} (order, endpoint 'http')", error.Message);
            Assert.Contains("already in use", error.Message);
        }
    }

    [Fact]
    public void Dynamic_ports_ignore_the_fixed_ones_and_are_all_distinct_and_free()
    {
        var (projects, holder) = ProjectsWithAPortInUse();
        using (holder)
        {
            var endpoints = PortAllocator.Allocate(projects, dynamicPorts: true);

            Assert.Equal(["order/http", "pricing/http", "pricing/grpc"], endpoints.Select(e => $"{e.Resource}/{e.Name}"));
            Assert.Equal(3, endpoints.Select(e => e.Port).Distinct().Count());
            Assert.DoesNotContain(((IPEndPoint)holder.LocalEndpoint).Port, endpoints.Select(e => e.Port));
            Assert.All(endpoints, e => Assert.Null(PortAllocator.BindError(e.Port)));
            Assert.True(endpoints.Single(e => e.Name == "grpc").Http2Only);
        }
    }

    [Fact]
    public void The_same_fixed_port_twice_is_a_clash()
    {
        var builder = Model.Builder();
        builder.AddProject("order", "o.csproj").WithHttpEndpoint(port: 5101);
        builder.AddProject("pickup", "p.csproj").WithHttpEndpoint(port: 5101);

        var error = Assert.Throws<AppHostException>(() =>
            PortAllocator.Allocate(builder.Resources.OfType<ProjectResource>(), dynamicPorts: false, checkFixedPorts: false));

        Assert.Contains("Port 5101 is declared by order, endpoint 'http' and pickup, endpoint 'http'", error.Message);
    }

    [Fact]
    public void An_endpoint_without_a_port_gets_a_free_one_even_with_fixed_ports()
    {
        var builder = Model.Builder();
        builder.AddProject("order", "o.csproj");

        var endpoint = Assert.Single(PortAllocator.Allocate(builder.Resources.OfType<ProjectResource>(), dynamicPorts: false));

        Assert.True(endpoint.Port > 0);
        Assert.Equal($"http://127.0.0.1:{endpoint.Port}", endpoint.Url);
    }
}
