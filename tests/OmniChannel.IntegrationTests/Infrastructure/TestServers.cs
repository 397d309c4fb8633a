using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Aspire.Hosting.ApplicationModel;

namespace OmniChannel.IntegrationTests.Infrastructure;

/// <summary>
/// PostgreSQL and RabbitMQ alone, for tests that run services in their own process (the messaging tests): started by
/// Aspire exactly as AppHost starts them (AppHost's Infrastructure/Servers.cs: local processes here, containers where
/// an engine answers), with a data folder of this run's own, deleted afterwards. With ConnectionStrings__postgres and
/// __rabbitmq set, those servers are used instead (a new database per run; the virtual host as given).
/// </summary>
public sealed class TestServers : IAsyncDisposable
{
    private readonly Func<ValueTask> stop;

    private TestServers(string postgres, string rabbitMq, Func<ValueTask> stop)
    {
        Postgres = postgres;
        RabbitMq = rabbitMq;
        this.stop = stop;
    }

    public string Postgres { get; }

    public string RabbitMq { get; }

    public static async Task<TestServers> StartAsync(TimeSpan deadline)
    {
        if (Environment.GetEnvironmentVariable("ConnectionStrings__postgres") is { } server
            && Environment.GetEnvironmentVariable("ConnectionStrings__rabbitmq") is { } rabbitMq)
        {
            var (postgres, drop) = await AddDatabaseAsync(server);
            return new TestServers(postgres, rabbitMq, async () => await drop());
        }

        var data = DataFolder("omnichannel-servers-");
        using var timeout = new CancellationTokenSource(deadline);
        // AppHost's own model, trimmed to its two servers (and the parameters they use).
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.OmniChannel_AppHost>(
            [$"--Infrastructure:DataPath={data.FullName}"], timeout.Token);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        foreach (var resource in builder.Resources.Where(r => r.Name is not ("postgres" or "rabbitmq") && r is not ParameterResource).ToList())
            builder.Resources.Remove(resource);
        var app = await builder.BuildAsync(timeout.Token);
        async ValueTask Stop()
        {
            await app.DisposeAsync();
            data.Delete(recursive: true);
        }
        try
        {
            await app.StartAsync(timeout.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("postgres", timeout.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("rabbitmq", timeout.Token);
            return new TestServers((await app.GetConnectionStringAsync("postgres", timeout.Token))!,
                (await app.GetConnectionStringAsync("rabbitmq", timeout.Token))!, Stop);
        }
        catch
        {
            await Stop();
            throw;
        }
    }

    /// <summary>
    /// A new temporary folder for the servers' data. It must be searchable by others: as root, PostgreSQL runs as the
    /// postgres user, and a temporary folder is made for its owner only.
    /// </summary>
    public static DirectoryInfo DataFolder(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix);
        if (!OperatingSystem.IsWindows())
            folder.UnixFileMode |= UnixFileMode.OtherExecute | UnixFileMode.GroupExecute;
        return folder;
    }

    /// <summary>A new, empty database on the server <paramref name="server"/> names; its connection string, and its drop.</summary>
    public static async Task<(string ConnectionString, Func<Task> Drop)> AddDatabaseAsync(string server)
    {
        var name = $"omnichannel_test_{DateTime.UtcNow:yyyyMMddHHmmss}_{Random.Shared.Next(1000, 9999)}";
        await ExecuteAsync(server, $"create database \"{name}\"");
        return (new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString,
            () => ExecuteAsync(server, $"drop database if exists \"{name}\" with (force)"));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => stop();
}
