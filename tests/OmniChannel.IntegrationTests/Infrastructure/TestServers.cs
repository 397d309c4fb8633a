using System.Diagnostics;
using Npgsql;

namespace OmniChannel.IntegrationTests.Infrastructure;

/// <summary>
/// The private servers of deploy/local/infra.sh's "test" profile (own ports and data, beside a developer's running
/// platform), shared by the tests and the benchmarks: started when needed, never stopped here (`.ci/run` stops them),
/// and a RabbitMQ virtual host per run, so messages a killed earlier run left in its queues never reach another.
/// </summary>
public static class TestServers
{
    /// <summary>Starts the servers unless they run; their server-level connection strings.</summary>
    public static async Task<(string Postgres, string RabbitMq)> UpAsync()
    {
        var up = await InfraScript("up");
        if (up.ExitCode != 0)
            throw new InvalidOperationException($"deploy/local/infra.sh up failed ({up.ExitCode}):\n{up.Error}");
        var exports = ParseExports(up.Output);
        return (exports["ConnectionStrings__postgres"], exports["ConnectionStrings__rabbitmq"]);
    }

    /// <summary>A new virtual host that guest may use; the connection string of <paramref name="rabbitMq"/> on it.</summary>
    public static async Task<string> AddVirtualHostAsync(string rabbitMq, string name)
    {
        await RabbitMqCtl("add_vhost", name);
        await RabbitMqCtl("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return new UriBuilder(rabbitMq) { Path = "/" + name }.Uri.ToString();
    }

    public static Task DeleteVirtualHostAsync(string name) => RabbitMqCtl("delete_vhost", name);

    /// <summary>A name for a run's own database or virtual host: <c>omnichannel_{kind}_{UTC time}_{random}</c>.</summary>
    public static string RunName(string kind) => $"omnichannel_{kind}_{DateTime.UtcNow:yyyyMMddHHmmss}_{Random.Shared.Next(1000, 9999)}";

    /// <summary>A new, empty database on the server <paramref name="server"/> connects to; the connection string on it.</summary>
    public static async Task<string> AddDatabaseAsync(string server, string name)
    {
        await ExecuteAsync(server, $"create database \"{name}\"");
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static Task DropDatabaseAsync(string server, string name) => ExecuteAsync(server, $"drop database if exists \"{name}\" with (force)");

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Reads the <c>export NAME="value"</c> lines infra.sh prints on stdout.</summary>
    public static IReadOnlyDictionary<string, string> ParseExports(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("export ", StringComparison.Ordinal))
            .Select(line => line["export ".Length..].Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim('"'));

    private static async Task RabbitMqCtl(params string[] arguments)
    {
        var result = await InfraScript(["rabbitmqctl", .. arguments]);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed ({result.ExitCode}):\n{result.Error}");
    }

    private static async Task<(int ExitCode, string Output, string Error)> InfraScript(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [RepositoryPaths.InfraScript, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["OMNI_INFRA_PROFILE"] = "test" },
        };
        start.Environment.Remove("ConnectionStrings__postgres");
        start.Environment.Remove("ConnectionStrings__rabbitmq");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
