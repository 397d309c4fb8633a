using System.Diagnostics;
using Npgsql;

namespace OmniChannel.Messaging.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL and RabbitMQ of the test run: those named by ConnectionStrings__postgres and
/// ConnectionStrings__rabbitmq, or else the private test servers of deploy/local/infra.sh (OMNI_INFRA_PROFILE=test,
/// started idempotently and left running, since other test runs on the machine may share them). Each run gets a
/// database of its own, dropped at the end; each test a schema and queue prefix of its own (<see cref="TestService"/>).
/// </summary>
public sealed class MessagingInfrastructure : IAsyncLifetime
{
    private string serverPostgres = "";

    public string Postgres { get; private set; } = "";

    public string RabbitMq { get; private set; } = "";

    private string Database { get; } = $"omnichannel_msgtest_{DateTime.UtcNow:yyyyMMddHHmmss}_{Random.Shared.Next(1000, 9999)}";

    public async Task InitializeAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("ConnectionStrings__postgres");
        var rabbitMq = Environment.GetEnvironmentVariable("ConnectionStrings__rabbitmq");
        if (postgres is null || rabbitMq is null)
        {
            var exports = await InfraScriptUp();
            (postgres, rabbitMq) = (exports["ConnectionStrings__postgres"], exports["ConnectionStrings__rabbitmq"]);
        }

        (serverPostgres, RabbitMq) = (postgres, rabbitMq);
        Postgres = new NpgsqlConnectionStringBuilder(postgres) { Database = Database }.ConnectionString;
        await ExecuteOnServer($"create database \"{Database}\"");
        await using var dataSource = NpgsqlDataSource.Create(Postgres);
        await using var command = dataSource.CreateCommand(Counters.CreateTable);
        await command.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => ExecuteOnServer($"drop database if exists \"{Database}\" with (force)");

    private async Task ExecuteOnServer(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(serverPostgres);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<Dictionary<string, string>> InfraScriptUp()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot(), "deploy", "local", "infra.sh"), "up"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["OMNI_INFRA_PROFILE"] = "test" },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"deploy/local/infra.sh up failed ({process.ExitCode}):\n{await error}");

        // Only `export NAME="value"` lines go to stdout.
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("export ", StringComparison.Ordinal))
            .Select(line => line["export ".Length..].Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim('"'));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OmniChannel.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No OmniChannel.sln above {AppContext.BaseDirectory}.");
    }
}

[CollectionDefinition(Name)]
public sealed class MessagingCollection : ICollectionFixture<MessagingInfrastructure>
{
    public const string Name = "messaging";
}
