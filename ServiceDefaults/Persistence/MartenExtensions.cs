using System.Diagnostics;
using JasperFx;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OmniChannel.ServiceDefaults.Logging;
using OmniChannel.ServiceDefaults.Messaging;
using Weasel.Core;

namespace OmniChannel.ServiceDefaults.Persistence;

public static class MartenExtensions
{
    /// <summary>
    /// Marten on <c>ConnectionStrings:postgres</c>, one PostgreSQL schema per service (services share a server,
    /// never tables), with the transactional outbox (Messaging/README.md) and a readiness check on the database.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddMartenStore(
        this IHostApplicationBuilder builder, string schema, Action<StoreOptions>? configure = null)
    {
        var connectionString = builder.Configuration.GetConnectionString("postgres")
            ?? throw new InvalidOperationException(
                "ConnectionStrings:postgres is not set. Run the platform with `dotnet run --project AppHost`, " +
                "or set ConnectionStrings__postgres=\"Host=...;Port=...;Username=...;Password=...;Database=...\"");

        var dataSource = PostgresDataSource.Create(connectionString, schema);
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: [ServiceDefaultsExtensions.ReadyTag]);

        var marten = builder.Services.AddMarten(services =>
            {
                var options = new StoreOptions();
                // Marten's own logger writes the values of a failed command's parameters (card tokens, personal data).
                var loggers = services.GetRequiredService<ILoggerFactory>();
                options.Logger(new ValueFreeMartenLogger(loggers.CreateLogger<IDocumentStore>()));
                options.Connection(dataSource);
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString);
                options.DatabaseSchemaName = schema;
                options.Events.DatabaseSchemaName = schema;
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                // Who started each event (SessionInitiator): a header of the event, so a stream's history says it.
                options.Events.MetadataConfig.HeadersEnabled = true;
                // The Order API and the order worker migrate the same schema as they start, one after the other under
                // Marten's advisory lock. On a loaded two-core machine the first took longer than the default wait and
                // the second died with "Unable to attain the global lock in time"; a start may wait this long instead.
                options.ApplyChangesLockTimeout = TimeSpan.FromMinutes(2);
                options.ExtendPolly(pipeline => RetireConnectionsOnDataError.AddTo(pipeline, dataSource));
                options.ExtendWritePolly(pipeline => RetireConnectionsOnDataError.AddTo(pipeline, dataSource));
                configure?.Invoke(options);
                return options;
            })
            .UseOutboxSessions()
            .ApplyAllDatabaseChangesOnStartup();
        return marten;
    }
}

public static class PostgresDataSource
{
    /// <summary>
    /// A connection pool for one service's (or component's) statements. Every session opens and returns a pooled
    /// connection; without a reset on return (DISCARD ALL), the statements PostgreSQL has parsed and planned stay
    /// prepared, so the same few statements, run thousands of times, are parsed once per connection instead of once
    /// per use. Nothing of ours keeps session state (settings, temporary tables, session advisory locks) on a pooled
    /// connection. A connection string can still say otherwise.
    /// Npgsql's auto-preparation has a bug that a refused parameter value sets off (<see cref="PostgresDataErrors"/>):
    /// Marten's pipelines and the HTTP error handler close the pool's connections after such an error instead.
    /// Statements are traced only inside an operation's trace (a request, a message, a job's run): the pollers' idle
    /// queries (outbox delivery, inbox cleanup) would each be a trace of its own, several a second per service, and
    /// bury the orders' traces in the dashboard.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString, string name)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString) { Name = name };
        builder.ConfigureTracing(tracing => tracing
            .ConfigureCommandFilter(_ => Activity.Current is not null)
            .ConfigureBatchFilter(_ => Activity.Current is not null));
        if (!connectionString.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase))
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
            builder.ConnectionStringBuilder.MaxAutoPrepare = 200;
        return builder.Build();
    }
}
