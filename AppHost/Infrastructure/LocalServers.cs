using System.Security.Cryptography;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using OmniChannel.AppHost.Platform;
using RabbitMQ.Client;

namespace OmniChannel.AppHost.Infrastructure;

/// <summary>PostgreSQL from Debian's packages, run in the foreground by <c>deploy/local/postgres.sh</c>.</summary>
public sealed class LocalPostgresResource(string name, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, "bash", workingDirectory), IResourceWithConnectionString
{
    public EndpointReference Endpoint => new(this, "tcp");

    public ParameterResource Password => password;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={Endpoint.Property(EndpointProperty.Port)};Username=postgres;Password={Password};Database=omnichannel");
}

/// <summary>RabbitMQ from Debian's packages, a private node run in the foreground by <c>deploy/local/rabbitmq.sh</c>.</summary>
public sealed class LocalRabbitMQResource(string name, string workingDirectory)
    : ExecutableResource(name, "bash", workingDirectory), IResourceWithConnectionString
{
    public EndpointReference Endpoint => new(this, "tcp");

    // The broker lets guest in from loopback only, which is all a local node serves.
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://guest:guest@127.0.0.1:{Endpoint.Property(EndpointProperty.Port)}/");
}

/// <summary>
/// The servers as local processes, for machines without a container engine (this project's CI among them). Their data
/// stays in the checkout's git-ignored <c>.omni/</c> folder across runs (<c>Infrastructure__DataPath</c> moves it); the
/// ports are fixed (54329, 56729) unless Aspire randomizes ports, as the tests do. Health checks are Aspire's own for
/// these servers, so nothing waiting for them starts before they answer.
/// </summary>
public static class LocalServers
{
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name)
    {
        var data = builder.LocalDataPath();
        var passwordFile = Path.Combine(data, name, "password");
        var password = builder.AddParameter($"{name}-password", PasswordOf(passwordFile), secret: true);
        var postgres = new LocalPostgresResource(name, builder.RepositoryRoot(), password.Resource);

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(postgres, async (_, ct) =>
            connectionString = await postgres.ConnectionStringExpression.GetValueAsync(ct));
        builder.Services.AddHealthChecks().AddNpgSql(_ => connectionString ?? throw new InvalidOperationException("Not started yet."), name: $"{name}_check");

        return builder.AddResource(postgres)
            .WithArgs("deploy/local/postgres.sh")
            .WithEndpoint(port: builder.FixedPort(54329), name: "tcp", scheme: "tcp", env: "PGPORT", isProxied: false)
            .WithEnvironment("OMNI_DATA", data)
            .WithEnvironment("PGPASSWORD_FILE", passwordFile)
            .WithHealthCheck($"{name}_check")
            .WithStartupFailureReport();
    }

    public static IResourceBuilder<LocalRabbitMQResource> AddLocalRabbitMQ(this IDistributedApplicationBuilder builder, string name)
    {
        var rabbitmq = new LocalRabbitMQResource(name, builder.RepositoryRoot());

        IConnection? connection = null;
        builder.Services.AddHealthChecks().AddRabbitMQ(async _ =>
            connection ??= await new ConnectionFactory { Uri = new Uri((await rabbitmq.ConnectionStringExpression.GetValueAsync(default))!) }
                .CreateConnectionAsync(), name: $"{name}_check");

        // The node's Erlang distribution port and port mapper (epmd) are its own too, below the kernel's ephemeral range.
        return builder.AddResource(rabbitmq)
            .WithArgs("deploy/local/rabbitmq.sh")
            .WithEndpoint(port: builder.FixedPort(56729), name: "tcp", scheme: "tcp", env: "RABBITMQ_NODE_PORT", isProxied: false)
            .WithEndpoint(port: builder.FixedPort(25729), name: "dist", scheme: "tcp", env: "RABBITMQ_DIST_PORT", isProxied: false)
            .WithEndpoint(port: builder.FixedPort(24729), name: "epmd", scheme: "tcp", env: "ERL_EPMD_PORT", isProxied: false)
            .WithEnvironment("OMNI_DATA", builder.LocalDataPath())
            .WithHealthCheck($"{name}_check")
            .WithStartupFailureReport();
    }

    private static string LocalDataPath(this IDistributedApplicationBuilder builder) =>
        builder.DataPath() ?? Path.Combine(builder.RepositoryRoot(), ".omni");

    internal static string RepositoryRoot(this IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));

    /// <summary>The superuser's password, made once per cluster and kept beside it (owner-only), as initdb reads it.</summary>
    private static string PasswordOf(string file)
    {
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return File.ReadAllText(file).Trim();
    }
}
