using Marten;
using MassTransit;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.Pickup.Features.Printing;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.Pickup.Features.Expiry;

/// <summary>
/// PUP-8: a store's day reported once, in one commit: every open request past its pickup deadline is reported and expired
/// (<see cref="ExpiryReported"/>, <see cref="PickupExpired"/>: off the hanger), <see cref="PickupRequestExpired"/> tells each
/// order (which cancels its lines and releases their stock, INV-7), the expiry list's PDF goes on the store's print queue, and
/// the list is kept under its store and day. Asking again that day answers the kept list; two counters asking at once
/// report it once (the list's id and every request's stream version settle it).
/// </summary>
public static class ExpiryReport
{
    private const int MaxAttempts = 5;

    /// <returns>The day's list; null when requests kept changing under every attempt (the caller asks again).</returns>
    public static async Task<ExpiryList?> ReportAsync(IDocumentSession session, PickupLocation store, DateOnly day, TimeProvider clock,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await session.LoadAsync<ExpiryList>(ExpiryList.IdFor(store.StoreId, day), ct) is { } reported)
                return reported;
            var now = clock.GetUtcNow();
            var open = await session.Query<PickupRequest>()
                .Where(r => r.StoreId == store.StoreId
                            && (r.Status == PickupStatus.Requested || r.Status == PickupStatus.Received || r.Status == PickupStatus.PartiallyCompleted))
                .Select(r => r.Id)
                .ToListAsync(ct);
            // Each stream's version before its state (as PickupStream reads them): appending at that version fails when
            // anything was written to the request since.
            var current = new List<(PickupRequest Request, long Version)>();
            foreach (var id in open)
                if ((await session.Events.FetchStreamStateAsync(id, ct))?.Version is { } version
                    && await session.LoadAsync<PickupRequest>(id, ct) is { } request)
                    current.Add((request, version));

            var versions = current.ToDictionary(c => c.Request.Id, c => c.Version);
            var expired = ExpiryRules.Report(current.Select(c => c.Request), day, now);
            var jobId = expired.Count > 0 ? $"print.{NewId.NextGuid():N}" : null;
            var list = new ExpiryList(ExpiryList.IdFor(store.StoreId, day), store.StoreId, day, expired.Select(e => e.Receipt).ToList(), jobId, now);
            foreach (var (request, decision, receipt) in expired)
            {
                session.Events.Append(request.Id, versions[request.Id] + decision.Events.Count, decision.Events.ToArray());
                session.PublishOnCommit(new PickupRequestExpired
                {
                    OrderId = request.OrderId, PickupId = request.Id, StoreId = request.StoreId, CancellationId = $"pickup.expired.{request.Id:N}",
                    PickupDate = request.PickupDate, ReportedOn = day, At = now,
                    Lines = receipt.Items.Select(i => new PickupLine { LineId = i.LineId, Sku = i.Sku, Quantity = i.Quantity }).ToList(),
                });
            }
            if (jobId is not null)
                session.Store(new PrintJob(jobId, store.StoreId, PrintJobKind.ExpiryList, Guid.Empty, $"EXPIRY-{day:yyyyMMdd}", now,
                    ExpiryListDocument.Render(list, store)));
            session.Insert(list);
            try
            {
                await session.SaveChangesAsync(ct);
                return list;
            }
            catch (Exception exception) when (WriteConflict.IsAny(exception))
            {
                // Another counter reported the day, or a request changed meanwhile: ask again on what is there now.
                session.EjectAllPendingChanges();
                foreach (var (request, _) in current)
                    session.Eject(request);
                if (attempt == MaxAttempts)
                    return null;
            }
        }
    }
}
