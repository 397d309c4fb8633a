using OmniChannel.ServiceDefaults.Persistence;
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
        builder.Services.AddSingleton<ReceiptPrinter>();
        builder.AddClusteredScheduler("pickup", quartz =>
        {
            quartz.AddJob<PrintSlotJob>(job => job.WithIdentity(PrintSlotJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger.ForJob(PrintSlotJob.Key).WithIdentity("print-slots", "pickup")
                .WithCronSchedule($"0 0/{PrintSchedule.SlotMinutes} * * * ?", cron => cron.InTimeZone(TimeZoneInfo.Utc)));
        });
        return builder;
    }
}
