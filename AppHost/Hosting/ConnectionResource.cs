namespace OmniChannel.AppHost.Hosting;

/// <summary>
/// A server the services reach through a connection string (Aspire's IResourceWithConnectionString):
/// PostgreSQL or RabbitMQ. Referencing it sets <c>ConnectionStrings__{name}</c>, which
/// <c>IConfiguration.GetConnectionString(name)</c> reads in the service.
/// </summary>
internal sealed class ConnectionResource(string name, string type, int defaultPort) : Resource(name)
{
    public override string Type { get; } = type;

    /// <summary>Port assumed when the connection string names none (5432 for PostgreSQL, 5672 for AMQP).</summary>
    public int DefaultPort { get; } = defaultPort;

    public string EnvironmentVariable => $"ConnectionStrings__{Name}";
}
