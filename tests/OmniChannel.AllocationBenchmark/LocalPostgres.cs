using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace OmniChannel.AllocationBenchmark;

/// <summary>
/// The PostgreSQL server the whole-run benchmark writes to: the one <c>--postgres "&lt;connection string&gt;"</c> or
/// <c>ConnectionStrings__postgres</c> names, or else one of its own, started by deploy/local/postgres.sh exactly as AppHost
/// starts it where no container engine runs (a free port, a data folder of this run's own, deleted afterwards). Each
/// seed gets a new database on it (<see cref="AddDatabaseAsync"/>), dropped after its run.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private readonly Process? server;
    private readonly DirectoryInfo? data;

    private LocalPostgres(string connectionString, Process? server, DirectoryInfo? data)
    {
        ConnectionString = connectionString;
        this.server = server;
        this.data = data;
    }

    /// <summary>The server's connection string (its maintenance database).</summary>
    public string ConnectionString { get; }

    public string Describe => server is null ? "the given server" : $"its own server (deploy/local/postgres.sh, pid {server.Id})";

    public static async Task<LocalPostgres> StartAsync(string? given, TimeSpan deadline)
    {
        if (given is { Length: > 0 })
            return new LocalPostgres(given, null, null);

        var root = RepositoryRoot();
        var data = Directory.CreateTempSubdirectory("omnichannel-allocbench-");
        // As root, PostgreSQL runs as the postgres user, who must be able to reach the data folder (TestServers.DataFolder).
        if (!OperatingSystem.IsWindows())
            data.UnixFileMode |= UnixFileMode.OtherExecute | UnixFileMode.GroupExecute;
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var passwordFile = Path.Combine(data.FullName, "postgres-password");
        await File.WriteAllTextAsync(passwordFile, password);
        var port = FreePort();
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "deploy", "local", "postgres.sh")])
        {
            WorkingDirectory = root,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment = { ["PGPORT"] = port.ToString(), ["OMNI_DATA"] = data.FullName, ["PGPASSWORD_FILE"] = passwordFile },
        };
        var server = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        server.ErrorDataReceived += (_, e) => { if (e.Data is { } line) log.Enqueue(line); };
        server.OutputDataReceived += (_, e) => { if (e.Data is { } line) log.Enqueue(line); };
        server.BeginErrorReadLine();
        server.BeginOutputReadLine();
        var postgres = new LocalPostgres($"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=omnichannel", server, data);

        // Ready once the script has created the omnichannel database and a connection to it opens; polled up to the deadline.
        var until = Stopwatch.StartNew();
        while (true)
        {
            if (server.HasExited)
            {
                await postgres.DisposeAsync();
                throw new InvalidOperationException($"deploy/local/postgres.sh stopped (exit code {server.ExitCode}):\n{string.Join('\n', log)}");
            }
            try
            {
                await using var connection = new NpgsqlConnection(postgres.ConnectionString);
                await connection.OpenAsync();
                return postgres;
            }
            catch (Exception exception) when (exception is NpgsqlException or SocketException && until.Elapsed < deadline)
            {
                await Task.Delay(200); // poll, up to the deadline
            }
            catch
            {
                await postgres.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>A new, empty database on the server; its connection string, and its drop.</summary>
    public async Task<(string ConnectionString, Func<Task> Drop)> AddDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{DateTime.UtcNow:yyyyMMddHHmmss}_{Random.Shared.Next(1000, 9999)}";
        await ExecuteAsync($"create database \"{name}\"");
        return (new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString,
            () => ExecuteAsync($"drop database if exists \"{name}\" with (force)"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task SignalAsync(string signal, int pid)
    {
        using var kill = Process.Start("kill", [signal, pid.ToString()]);
        await kill.WaitForExitAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OmniChannel.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No OmniChannel.sln above {AppContext.BaseDirectory}: pass --postgres \"<connection string>\".");
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            // PostgreSQL's fast shutdown (SIGINT to the postmaster, named by its pid file); the script exits when it has gone.
            // Not the script's own SIGTERM trap: it signals its child's children, which are the backends, not the postmaster,
            // when setsid did not need to fork (it then execs the postmaster itself), and the server would stay up.
            var pidFile = Path.Combine(data!.FullName, "postgres", "data", "postmaster.pid");
            if (!server.HasExited && File.Exists(pidFile) && int.TryParse((await File.ReadAllLinesAsync(pidFile)).FirstOrDefault(), out var postmaster))
                await SignalAsync("-INT", postmaster);
            if (!server.HasExited && !File.Exists(pidFile))
                await SignalAsync("-TERM", server.Id); // still starting: the script's trap
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await server.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"PostgreSQL (script pid {server.Id}) did not stop within 60 s; its data stays in {data?.FullName}.");
                return;
            }
            server.Dispose();
        }
        data?.Delete(recursive: true);
    }
}
