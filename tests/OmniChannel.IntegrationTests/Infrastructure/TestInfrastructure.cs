using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace OmniChannel.IntegrationTests.Infrastructure;

/// <summary>
/// The real PostgreSQL and RabbitMQ the tests run against, found in this order: servers named by
/// ConnectionStrings__postgres / ConnectionStrings__rabbitmq; containers when a Docker engine is there; otherwise
/// private servers started by deploy/local/infra.sh under its "test" profile (own ports and data, beside a
/// developer's running platform). Each run gets a database and a RabbitMQ virtual host of its own, dropped at the
/// end. The test servers are left running: test assemblies run in parallel and share them, so none may stop them
/// under another; `.ci/run` stops them after the whole run (`OMNI_INFRA_PROFILE=test deploy/local/infra.sh down`).
/// </summary>
public sealed class TestInfrastructure : IAsyncDisposable
{
    private readonly Func<Task> stop;
    private readonly string serverConnectionString;
    private readonly string database;

    private TestInfrastructure(string source, string serverPostgres, string rabbitMq, Func<Task> stop)
    {
        Source = source;
        serverConnectionString = serverPostgres;
        RabbitMq = rabbitMq;
        this.stop = stop;
        database = TestServers.RunName("test");
    }

    /// <summary>Where the servers came from: "environment", "testcontainers" or "infra.sh".</summary>
    public string Source { get; }

    public string Postgres { get; private set; } = "";

    public string RabbitMq { get; }

    public static async Task<TestInfrastructure> StartAsync()
    {
        var infrastructure = await FromEnvironment() ?? await FromContainers() ?? await FromInfraScript();
        infrastructure.Postgres = await TestServers.AddDatabaseAsync(infrastructure.serverConnectionString, infrastructure.database);
        return infrastructure;
    }

    public async ValueTask DisposeAsync()
    {
        try { await TestServers.DropDatabaseAsync(serverConnectionString, database); }
        finally { await stop(); }
    }

    private static Task<TestInfrastructure?> FromEnvironment()
    {
        var postgres = Environment.GetEnvironmentVariable("ConnectionStrings__postgres");
        var rabbitMq = Environment.GetEnvironmentVariable("ConnectionStrings__rabbitmq");
        return Task.FromResult(postgres is null || rabbitMq is null
            ? null
            : new TestInfrastructure("environment", postgres, rabbitMq, () => Task.CompletedTask));
    }

    private static async Task<TestInfrastructure?> FromContainers()
    {
        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is null && !File.Exists("/var/run/docker.sock"))
            return null;
        var postgres = new PostgreSqlBuilder("postgres:15").Build();
        var rabbitMq = new RabbitMqBuilder("rabbitmq:3.13").Build();
        try
        {
            await Task.WhenAll(postgres.StartAsync(), rabbitMq.StartAsync());
        }
        catch (Exception exception)
        {
            // A socket without a working engine (as on our CI machines): fall back to the infra script.
            Console.Error.WriteLine($"Testcontainers could not start containers ({exception.GetType().Name}); using deploy/local/infra.sh.");
            await postgres.DisposeAsync();
            await rabbitMq.DisposeAsync();
            return null;
        }
        return new TestInfrastructure("testcontainers", postgres.GetConnectionString(), rabbitMq.GetConnectionString(),
            async () => { await postgres.DisposeAsync(); await rabbitMq.DisposeAsync(); });
    }

    private static async Task<TestInfrastructure> FromInfraScript()
    {
        var (postgres, rabbitMq) = await TestServers.UpAsync();
        var vhost = $"omnichannel_test_{Guid.NewGuid():N}";
        return new TestInfrastructure("infra.sh", postgres, await TestServers.AddVirtualHostAsync(rabbitMq, vhost),
            () => TestServers.DeleteVirtualHostAsync(vhost));
    }
}
