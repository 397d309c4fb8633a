using Marten;
using OmniChannel.Contracts.Inventory;
using OmniChannel.InventoryAllocation.Features.FulfillmentFlags;
using OmniChannel.InventoryAllocation.Features.Reservations;
using OmniChannel.InventoryAllocation.Features.Stock;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.InventoryAllocation.Features.Allocation;

/// <summary>A run as it was asked and answered: the same id again answers this report and allocates nothing.</summary>
public sealed record AllocationRunRecord(string Id, AllocationOption Option, string Fingerprint, IReadOnlyList<OrderAllocation> Orders, DateTimeOffset At);

/// <summary>
/// INV-4 at the edge. Shippable: an order whose reservation is active (not cancelled, rejected or fully issued) with ship
/// lines still held and not allocated yet. Units free for those lines at a level are the shelf's (on hand) less what
/// transfers and every other claim hold (pickup lines, held orders' lines, lines already allocated); they fall short
/// of the candidates only when stock was written off below what ship lines reserve.
/// </summary>
public static class AllocationRun
{
    /// <summary>
    /// The whole run as POST /api/inventory/allocation-runs makes it (and the benchmark times it): the run already made
    /// under <paramref name="runId"/>, whatever it was asked (the caller compares its fingerprint), or a new one: the
    /// candidates and their levels read, planned, the Allocated events, reservations and StockAllocated messages (the
    /// outbox) committed with the run's record.
    /// </summary>
    public static async Task<AllocationRunRecord> MakeAsync(IDocumentSession session, TimeProvider clock, string runId, AllocationOption option,
        IReadOnlyList<Guid>? orderIds, string fingerprint, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await session.LoadAsync<AllocationRunRecord>(runId, ct) is { } earlier)
                return earlier;

            var (candidates, reservations) = await CandidatesAsync(session, orderIds, ct);
            var streams = await StockStreams.FetchAsync(session, candidates.SelectMany(c => c.Lines).Select(l => l.LevelId), ct);
            var plan = AllocationPlanner.Plan(candidates, Free(streams.Levels, candidates), option);
            var run = new AllocationRunRecord(runId, option, fingerprint, plan, clock.GetUtcNow());
            Record(session, streams, runId, plan, reservations, run.At);
            session.Insert(run);
            try
            {
                await session.SaveChangesAsync(ct);
                return run;
            }
            catch (Exception exception) when (WriteConflict.IsAny(exception) && attempt < 10)
            {
                // Another run allocated from the same levels (or took this id) meanwhile: plan again on what it left.
                session.EjectAllPendingChanges();
                session.EjectAllOfType(typeof(Reservation));
            }
        }
    }

    public static async Task<(IReadOnlyList<Candidate> Candidates, Dictionary<Guid, Reservation> Reservations)> CandidatesAsync(
        IDocumentSession session, IReadOnlyList<Guid>? orderIds, CancellationToken ct)
    {
        var query = session.Query<Reservation>().Where(r => r.Status == ReservationStatus.Active);
        if (orderIds is { Count: > 0 })
            query = query.Where(r => r.Id.IsOneOf(orderIds.ToArray()));
        var reservations = (await query.ToListAsync(ct)).Where(r => Shippable(r).Count > 0).ToDictionary(r => r.Id);
        var ids = reservations.Keys.ToArray();
        var flags = (await session.LoadManyAsync<OrderFulfillmentFlags>(ct, ids)).ToDictionary(f => f.Id);
        var candidates = reservations.Values.Select(r =>
        {
            var lines = Shippable(r);
            var shipTo = lines.Select(l => l.ShipTo).Distinct().ToList();
            var batchKey = r.CustomerId is { } customer && shipTo is [{ } address] ? $"{customer}|{address}" : null;
            var flag = flags.GetValueOrDefault(r.Id);
            return new Candidate(r.Id, r.ConfirmationNumber, r.At, flag?.Priority == true, flag?.Hold == true, batchKey,
                lines.Select(l => new CandidateLine(l.LineId, l.Sku, l.LocationId, l.Quantity)).ToList());
        }).ToList();
        return (candidates, reservations);
    }

    /// <summary>The ship lines a run may allocate: still held, not allocated by an earlier run.</summary>
    public static IReadOnlyList<ReservationLine> Shippable(Reservation r) =>
        r.Held.Where(l => l.Kind == ReservationKind.Ship && r.AllocatedOf(l.LineId) == 0).ToList();

    /// <summary>The shelf's units free for the candidates: a candidate's own reserved units are given back to the pool it competes in.</summary>
    public static Dictionary<string, int> Free(IReadOnlyDictionary<string, StockLevel> levels, IEnumerable<Candidate> candidates)
    {
        var mine = candidates.Where(c => !c.Hold).SelectMany(c => c.Lines).GroupBy(l => l.LevelId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        return levels.ToDictionary(l => l.Key, l => Math.Max(0, l.Value.OnHand - l.Value.ScheduledOutbound - l.Value.Reserved + mine.GetValueOrDefault(l.Key)));
    }

    /// <summary>The events and documents of a plan: each allocated line an Allocated event on its level, remembered on its reservation.</summary>
    public static void Record(IDocumentSession session, StockStreams streams, string runId, IReadOnlyList<OrderAllocation> plan,
        IReadOnlyDictionary<Guid, Reservation> reservations, DateTimeOffset now)
    {
        foreach (var order in plan.Where(o => o.Lines.Any(l => l.Allocated)))
        {
            var lines = order.Lines.Where(l => l.Allocated).ToList();
            streams.Append(lines.Select(l => new StockChange(StockLevel.IdFor(l.LocationId, l.Sku), new StockEvent.Allocated(order.OrderId, l.LineId, l.Quantity, runId))));
            var reservation = reservations[order.OrderId];
            session.Store(reservation with { Allocations = [.. reservation.Allocations ?? [], .. lines.Select(l => new LineAllocation(l.LineId, l.Quantity, runId, now))] });
            session.PublishOnCommit(new StockAllocated
            {
                OrderId = order.OrderId, ConfirmationNumber = order.ConfirmationNumber, RunId = runId, AllocatedAt = now,
                Lines = lines.Select(l => new AllocatedLine { LineId = l.LineId, Quantity = l.Quantity, LocationId = l.LocationId }).ToList(),
            });
        }
    }
}
