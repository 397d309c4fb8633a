using Marten;
using MassTransit;
using OmniChannel.Pickup.Features.PickupRequests;

namespace OmniChannel.Pickup.Features.Printing;

/// <summary>
/// PUP-1: prints a store's pending receipts (requested, not yet printed): each receipt's PDF goes on the store's print
/// queue in the same commit as its <see cref="ReceiptPrinted"/>, so a receipt is queued once or not at all; the store's
/// last print time is kept. Run by the schedule (<see cref="PrintSlotJob"/>) and by "print pending now".
/// </summary>
public sealed class ReceiptPrinter(IDocumentStore store, TimeProvider clock, ILogger<ReceiptPrinter> logger)
{
    public async Task<IReadOnlyList<PrintJobView>> PrintPendingAsync(PickupLocation location, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var pending = await session.Query<PickupRequest>()
            .Where(r => r.StoreId == location.StoreId && r.Status == PickupStatus.Requested && r.PrintedAt == null)
            .OrderBy(r => r.RequestedAt).Select(r => r.Id).ToListAsync(ct);
        var jobs = new List<PrintJobView>();
        foreach (var id in pending)
            if (await PrintAsync(session, id, location, PrintJobKind.Receipt, ct) is { } job)
                jobs.Add(job);

        var settings = await session.LoadAsync<PrintSettings>(location.StoreId, ct) ?? new PrintSettings(location.StoreId, PrintSchedule.EverySlot);
        session.Store(settings with { LastPrintAt = clock.GetUtcNow() });
        await session.SaveChangesAsync(ct);
        if (jobs.Count > 0)
            logger.LogInformation("Printed {Count} pickup receipts at {StoreId}", jobs.Count, location.StoreId);
        return jobs;
    }

    /// <summary>One receipt on the store's queue: the first print, or a reprint (PUP-7) of any receipt.</summary>
    public async Task<PrintJobView?> PrintAsync(IDocumentSession session, Guid pickupId, PickupLocation location, PrintJobKind kind,
        CancellationToken ct)
    {
        PrintJob? job = null;
        var outcome = await PickupStream.DecideAsync(session, pickupId, (request, staged) =>
        {
            if (kind == PrintJobKind.Receipt && request.PrintedAt is not null)
                return PickupDecider.Decision.Nothing; // printed meanwhile (another replica's "print now")
            var now = clock.GetUtcNow();
            job = new PrintJob($"print.{NewId.NextGuid():N}", request.StoreId, kind, request.Id, request.ConfirmationNumber, now,
                ReceiptDocument.Render(request, location));
            staged.Store(job);
            return PickupDecider.Print(request, job.Id, now);
        }, ct);
        return outcome.Events.Count > 0 && job is not null ? PrintJobView.Of(job) : null;
    }
}
