using OmniChannel.Pickup.Features.PickupRequests;

namespace OmniChannel.Pickup.Features.Expiry;

/// <summary>
/// PUP-8: a store's expiry list of one day, kept as it was reported (<see cref="Id"/>: store and day, so a day is reported
/// once): the requests past their pickup deadline that day, released from the hanger, and the print job that printed it
/// (none when nothing expired).
/// </summary>
public sealed record ExpiryList(string Id, string StoreId, DateOnly Day, IReadOnlyList<ExpiredReceipt> Receipts, string? PrintJobId,
    DateTimeOffset ReportedAt)
{
    public static string IdFor(string storeId, DateOnly day) => $"{storeId}/{day:yyyy-MM-dd}";
}

/// <summary>One expired request on the list: its receipt (the order's confirmation number), customer, deadline, and what it still held.</summary>
public sealed record ExpiredReceipt(Guid PickupId, Guid OrderId, string ReceiptNumber, string CustomerId, DateOnly PickupDate, bool WasOnHanger,
    IReadOnlyList<ExpiredItem> Items);

public sealed record ExpiredItem(int LineId, string Sku, string? Upc, string? Name, int Quantity);

/// <summary>PUP-8, pure: the store's day, and which requests that day's list reports (and how each is released).</summary>
public static class ExpiryRules
{
    /// <summary>The store's calendar day at <paramref name="now"/>, in its time zone (UTC when the zone is unknown).</summary>
    public static DateOnly StoreToday(PickupLocation store, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(store.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
    }

    /// <summary>
    /// The requests of <paramref name="day"/>'s list, oldest deadline first, each with its decision (reported and expired);
    /// requests not past their deadline, closed, or reported on an earlier list are not on it.
    /// </summary>
    public static IReadOnlyList<(PickupRequest Request, PickupDecider.Decision Decision, ExpiredReceipt Receipt)> Report(
        IEnumerable<PickupRequest> requests, DateOnly day, DateTimeOffset now) =>
        requests
            .Select(request => (Request: request, Decision: PickupDecider.Expire(request, day, now)))
            .Where(x => x.Decision.Events.Count > 0)
            .OrderBy(x => x.Request.PickupDate).ThenBy(x => x.Request.ConfirmationNumber, StringComparer.Ordinal)
            .Select(x => (x.Request, x.Decision, Receipt(x.Request)))
            .ToList();

    /// <summary>What an expired request still held, as the list prints it.</summary>
    public static ExpiredReceipt Receipt(PickupRequest request) => new(request.Id, request.OrderId, request.ConfirmationNumber, request.CustomerId,
        request.PickupDate, request.OnHanger,
        request.Items.Where(i => i.Open > 0).Select(i => new ExpiredItem(i.LineId, i.Sku, i.Upc, i.Name, i.Open)).ToList());
}
