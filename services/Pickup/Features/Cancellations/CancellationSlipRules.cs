using OmniChannel.Pickup.Features.PickupRequests;

namespace OmniChannel.Pickup.Features.Cancellations;

/// <summary>
/// PUP-2, pure: which items a cancellation's slip lists and takes off the hanger, and what printing it changes. A slip prints
/// only for a request whose receipt the store printed (before that the receipt itself prints the reduced quantities); it
/// lists the units this cancellation took, never earlier ones, so a clerk never pulls the same goods twice.
/// </summary>
public static class CancellationSlipRules
{
    /// <summary>
    /// The slip for what <paramref name="cancellation"/> (the events a cancellation decided on <paramref name="before"/>)
    /// cancelled, or none: nothing was cancelled, or the store never printed the receipt.
    /// </summary>
    public static CancellationSlipPrinted? Slip(PickupRequest before, IReadOnlyList<object> cancellation, string printJobId, DateTimeOffset now)
    {
        if (before.PrintedAt is null)
            return null;
        IReadOnlyList<CancelledItem> items = cancellation.OfType<PickupPartiallyCancelled>().SelectMany(e => e.Items).ToList() is { Count: > 0 } partial
            ? partial
            : cancellation.OfType<PickupCancelled>().Any() // cancelled whole: what was still to collect
                ? before.Items.Where(i => i.Open > 0).Select(i => new CancelledItem(i.LineId, i.Sku, i.Open)).ToList()
                : [];
        return items.Count == 0 ? null : new CancellationSlipPrinted(before.Id, printJobId, items, now);
    }

    /// <summary>
    /// What the slip prints: its own items, or (the store's option) every unit cancelled so far, line by line, in the
    /// order's line order.
    /// </summary>
    public static IReadOnlyList<CancelledItem> Printed(PickupRequest after, CancellationSlipPrinted slip, bool withHistory) =>
        withHistory
            ? after.Items.Where(i => i.Cancelled > 0).Select(i => new CancelledItem(i.LineId, i.Sku, i.Cancelled)).ToList()
            : slip.Items;

    /// <summary>The print agent printed slip <paramref name="printJobId"/>: its items come off the hanger, once.</summary>
    public static PickupDecider.Decision TakeOffHanger(PickupRequest request, string printJobId, DateTimeOffset now) =>
        request.Slips?.FirstOrDefault(s => s.PrintJobId == printJobId) is { OffHangerAt: null } slip
            ? PickupDecider.Decision.Of(new CancelledItemsOffHanger(request.Id, printJobId, slip.Items, now))
            : PickupDecider.Decision.Nothing;
}
