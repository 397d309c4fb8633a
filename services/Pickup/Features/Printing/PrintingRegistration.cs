using Npgsql;
using Quartz;

namespace OmniChannel.Pickup.Features.Printing;

public static class PrintingRegistration
{
    /// <summary>
    /// PUP-1's scheduler: Quartz.NET with its PostgreSQL job store, clustered, so that with several Pickup replicas each
    /// slot's firing runs on one of them; the job fires at every 5-minute slot of the hour (<see cref="PrintSlotJob"/>).
    /// </summary>
    public static IHostApplicationBuilder AddReceiptPrinting(this IHostApplicationBuilder builder)
    {
        // Quartz's tables (qrtz_*) in the Pickup service's schema, next to Marten's; Quartz creates them when missing.
        var connectionString = new NpgsqlConnectionStringBuilder(builder.Configuration.GetConnectionString("postgres")) { SearchPath = "pickup" }
            .ConnectionString;
        builder.Services.AddSingleton<ReceiptPrinter>();
        builder.AddQuartz("pickup", quartz =>
        {
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer();
                store.UseClustering(); // each replica gets an instance id of its own
            });
            quartz.AddJob<PrintSlotJob>(job => job.WithIdentity(PrintSlotJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger.ForJob(PrintSlotJob.Key).WithIdentity("print-slots", "pickup")
                .WithCronSchedule($"0 0/{PrintSchedule.SlotMinutes} * * * ?", cron => cron.InTimeZone(TimeZoneInfo.Utc)));
        });
        builder.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return builder;
    }
}
