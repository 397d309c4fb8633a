using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace OmniChannel.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL and RabbitMQ, one resource name each whatever runs them: the servers named by
/// <c>ConnectionStrings__postgres</c> / <c>ConnectionStrings__rabbitmq</c> (nothing is started); else Aspire's containers
/// where a container engine answers; else Debian's packages as local processes (<see cref="LocalServers"/>).
/// <c>Infrastructure__Servers=containers|local</c> chooses instead of asking the engine.
/// </summary>
public static class Servers
{
    public static IResourceBuilder<IResourceWithConnectionString> AddPostgresServer(this IDistributedApplicationBuilder builder, string name)
    {
        if (builder.Configuration.GetConnectionString(name) is not null)
            return builder.AddConnectionString(name);
        if (!builder.UseContainers())
            return builder.AddLocalPostgres(name);
        // As deploy/local/postgres.sh: the server's log holds no statement's values (the official image passes "-c" to postgres).
        var postgres = builder.AddPostgres(name).WithArgs(NoDataInServerLog.SelectMany(setting => new[] { "-c", setting }).ToArray());
        return builder.DataPath() is { } path ? postgres.WithDataBindMount(Path.Combine(path, name)) : postgres.WithDataVolume();
    }

    /// <summary>
    /// PostgreSQL's own log without data: no parameters of slow or failed statements, no DETAIL or CONTEXT of errors (they
    /// quote values: a duplicate key, the JSON a document was refused for): card tokens and personal data stay out of it.
    /// </summary>
    public static readonly string[] NoDataInServerLog =
        ["log_parameter_max_length=0", "log_parameter_max_length_on_error=0", "log_error_verbosity=terse"];

    public static IResourceBuilder<IResourceWithConnectionString> AddRabbitMQServer(this IDistributedApplicationBuilder builder, string name)
    {
        if (builder.Configuration.GetConnectionString(name) is not null)
            return builder.AddConnectionString(name);
        if (!builder.UseContainers())
            return builder.AddLocalRabbitMQ(name);
        var rabbitmq = builder.AddRabbitMQ(name);
        return builder.DataPath() is { } path ? rabbitmq.WithDataBindMount(Path.Combine(path, name)) : rabbitmq.WithDataVolume();
    }

    /// <summary>
    /// Where the servers keep their data: <c>Infrastructure__DataPath</c> (the tests give each run a folder of its own),
    /// else null: containers use named volumes and local servers the git-ignored <c>.omni/</c> folder of the checkout.
    /// </summary>
    internal static string? DataPath(this IDistributedApplicationBuilder builder) => builder.Configuration["Infrastructure:DataPath"];

    private static bool UseContainers(this IDistributedApplicationBuilder builder) =>
        builder.Configuration["Infrastructure:Servers"]?.ToLowerInvariant() switch
        {
            "containers" => true,
            "local" => false,
            null or "" or "auto" => ContainerEngine.Answers(builder.Configuration["ASPIRE_CONTAINER_RUNTIME"]),
            var other => throw new DistributedApplicationException($"Infrastructure:Servers is '{other}'; it may be auto, containers or local."),
        };
}
