using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace OmniChannel.ServiceDefaults.Persistence;

public static class PostgresExtensions
{
    /// <summary>
    /// For a service that uses PostgreSQL without Marten (Aspire's <c>AddNpgsqlDataSource</c>): a pool on
    /// <c>ConnectionStrings:postgres</c>, registered as the service's <see cref="NpgsqlDataSource"/>, and a readiness check on it.
    /// </summary>
    public static NpgsqlDataSource AddPostgresDataSource(this IHostApplicationBuilder builder, string name)
    {
        var connectionString = builder.Configuration.GetConnectionString("postgres")
            ?? throw new InvalidOperationException(
                "ConnectionStrings:postgres is not set. Run the platform with `dotnet run --project AppHost`, " +
                "or set ConnectionStrings__postgres=\"Host=...;Port=...;Username=...;Password=...;Database=...\"");
        var dataSource = PostgresDataSource.Create(connectionString, name);
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return dataSource;
    }
}
