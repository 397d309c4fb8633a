using Npgsql;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.Messaging.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL and RabbitMQ of the test run (<see cref="TestServers"/>: started as AppHost starts them, for
/// this run only), with the counters table the tests count effects in; each test gets a schema and queue prefix of
/// its own (<see cref="TestService"/>).
/// </summary>
public sealed class MessagingInfrastructure : IAsyncLifetime
{
    private TestServers infrastructure = null!;

    public string Postgres => infrastructure.Postgres;

    public string RabbitMq => infrastructure.RabbitMq;

    public async Task InitializeAsync()
    {
        infrastructure = await TestServers.StartAsync(TimeSpan.FromMinutes(10)); // a fresh machine installs them first
        await using var dataSource = NpgsqlDataSource.Create(Postgres);
        await using var command = dataSource.CreateCommand(Counters.CreateTable);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await infrastructure.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class MessagingCollection : ICollectionFixture<MessagingInfrastructure>
{
    public const string Name = "messaging";
}
