using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Quartz;

namespace OmniChannel.ServiceDefaults.Persistence;

/// <summary>
/// A service's scheduled jobs: Quartz.NET with its PostgreSQL job store in the service's own schema (its qrtz_* tables next
/// to Marten's, created when missing), clustered, so that with several replicas each firing runs on one of them; the
/// hosted scheduler lets a running job finish on shutdown. <paramref name="jobs"/> adds the service's jobs and triggers.
/// </summary>
public static class ClusteredScheduler
{
    public static IHostApplicationBuilder AddClusteredScheduler(this IHostApplicationBuilder builder, string schema,
        Action<IQuartzBuilder> jobs)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(builder.Configuration.GetConnectionString("postgres")) { SearchPath = schema }
            .ConnectionString;
        builder.AddQuartz(schema, quartz =>
        {
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer();
                store.UseClustering(); // each replica gets an instance id of its own
            });
            jobs(quartz);
        });
        builder.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return builder;
    }
}
