namespace OmniChannel.AppHost.Tests;

/// <summary>Builds models shaped like AppHost/Program.cs, through the same builder API.</summary>
internal static class Model
{
    public static DistributedApplicationBuilder Builder() => DistributedApplication.CreateBuilder([]);

    /// <summary>OmniChannel's topology: two servers, pricing with a gRPC endpoint, order, and the gateway.</summary>
    public static DistributedApplicationBuilder OmniChannel()
    {
        var builder = Builder();
        var postgres = builder.AddPostgres("postgres");
        var rabbitmq = builder.AddRabbitMQ("rabbitmq");
        IResourceBuilder<ProjectResource> Service(string name, int port) => builder.AddProject(name, $"services/{name}/{name}.csproj")
            .WithHttpEndpoint(port: port).WithReference(postgres).WithReference(rabbitmq).WaitFor(postgres).WaitFor(rabbitmq);

        var inventory = Service("inventory", 5102);
        var pricing = Service("pricing", 5105).WithHttpEndpoint(port: 5115, name: "grpc", http2Only: true);
        var order = Service("order", 5101).WithReference(inventory).WithReference(pricing);
        builder.AddProject("gateway", "gateway/Gateway.csproj").WithHttpEndpoint(port: 8080)
            .WithReference(order).WithReference(inventory).WithReference(pricing)
            .WaitFor(order).WaitFor(inventory).WaitFor(pricing);
        return builder;
    }

    public static T Get<T>(this DistributedApplicationBuilder builder, string name) where T : Resource =>
        (T)builder.Resources.Single(r => r.Name == name);

    public static IReadOnlyList<string> Names(this IEnumerable<Resource> resources) => resources.Select(r => r.Name).ToList();
}
