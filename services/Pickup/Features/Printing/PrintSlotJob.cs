using Marten;
using OmniChannel.Pickup.Features.PickupRequests;
using Quartz;

namespace OmniChannel.Pickup.Features.Printing;

/// <summary>
/// PUP-1's schedule: Quartz fires this at every 5-minute slot (cron, in Quartz's PostgreSQL job store, clustered: one
/// replica runs each firing); each store whose minutes include the slot prints what is pending.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PrintSlotJob(IDocumentStore store, ReceiptPrinter printer) : IJob
{
    public static readonly JobKey Key = new("print-slots", "pickup");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var firedAt = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        await using var session = store.QuerySession();
        var locations = await session.Query<PickupLocation>().ToListAsync(cancellationToken);
        var settings = (await session.Query<PrintSettings>().ToListAsync(cancellationToken)).ToDictionary(s => s.StoreId);
        foreach (var location in locations)
        {
            var minutes = settings.GetValueOrDefault(location.StoreId)?.Minutes ?? PrintSchedule.EverySlot;
            if (PrintSchedule.IsDue(minutes, firedAt, TimeZoneInfo.FindSystemTimeZoneById(location.TimeZone)))
                await printer.PrintPendingAsync(location, cancellationToken);
        }
    }
}
