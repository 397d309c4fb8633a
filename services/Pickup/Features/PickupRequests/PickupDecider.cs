using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pickup.Features.PickupRequests;

/// <summary>
/// The counter's decisions, pure: the request as it is now and what the counter (or the order) asks, in; the events that
/// happen, or why not, out. Every endpoint and consumer appends what this returns to the request's stream and nothing else.
/// PUP-4's completion is decided in <c>Completion/PickupCompletionRules.cs</c>.
/// </summary>
public static class PickupDecider
{
    /// <summary>Longest reason text kept with a cancellation or a "not possible".</summary>
    public const int MaxReasonLength = 500;

    public sealed record Decision(IReadOnlyList<object> Events, Refusal? Refusal)
    {
        public static Decision Of(params object[] events) => new(events, null);
        public static Decision No(Refusal refusal) => new([], refusal);
        public static readonly Decision Nothing = new([], null);
    }

    /// <summary>PUP-1: a request not yet printed is printed once; later prints are reprints (PUP-7).</summary>
    public static Decision Print(PickupRequest request, string printJobId, DateTimeOffset now) =>
        request.PrintedAt is null
            ? Decision.Of(new ReceiptPrinted(request.Id, printJobId, now))
            : Decision.Of(new ReceiptReprinted(request.Id, printJobId, now));

    /// <summary>PUP-3: receiving starts with the receipt's barcode; scanning it again changes nothing.</summary>
    public static Decision ScanReceipt(PickupRequest request, string? barcode, DateTimeOffset now)
    {
        if (Receivable(request) is { } closed)
            return Decision.No(closed);
        if (barcode != request.ConfirmationNumber)
            return Decision.No(Refusal.Invalid("pickup.receipt_mismatch", "The scanned receipt is not this pickup's: scan its receipt."));
        return request.ReceiptScanned ? Decision.Nothing : Decision.Of(new ReceiptScanned(request.Id, now));
    }

    /// <summary>
    /// PUP-3: one unit scanned by its UPC. A code of no line is a wrong item, a line already fully scanned one too many;
    /// the last unit receives the request and puts it on the hanger, in the same decision.
    /// </summary>
    public static Decision ScanItem(PickupRequest request, string? code, string scanKey, DateTimeOffset now)
    {
        if (request.Scans?.FirstOrDefault(s => s.Key == scanKey) is { } earlier)
            return earlier.Code == code
                ? Decision.Nothing // the same scan sent again: counted once
                : Decision.No(Refusal.Conflict("idempotency_key.reused", "This Idempotency-Key was used for a different scan: use a new key per scan."));
        if (Receivable(request) is { } closed)
            return Decision.No(closed);
        if (!request.ReceiptScanned)
            return Decision.No(Refusal.Conflict("pickup.receipt_not_scanned", "Scan the receipt's barcode before its items."));
        var lines = request.Items.Where(item => item.ScanCode == code).ToList();
        if (lines.Count == 0)
            return Decision.No(Refusal.Invalid("pickup.item_not_in_request", $"'{code}' is not an item of this pickup."));
        if (lines.FirstOrDefault(item => item.ToScan > 0) is not { } line)
            return Decision.No(Refusal.Invalid("pickup.item_already_scanned",
                $"Every {lines[0].Sku} of this pickup is scanned already ({lines.Sum(l => l.Quantity - l.Cancelled)}): this one is too many."));

        var scanned = new ItemScanned(request.Id, line.LineId, line.Sku, code!, scanKey, now);
        return request.Apply(scanned).Items.All(item => item.ToScan == 0)
            ? Decision.Of(scanned, new PickupReceived(request.Id, now), new PutOnHanger(request.Id, now))
            : Decision.Of(scanned);
    }

    /// <summary>PUP-2 / ORD-8: the order was cancelled: an open request is cancelled whole; one that is over stays as it is.</summary>
    public static Decision Cancel(PickupRequest request, string reason, DateTimeOffset now) =>
        request.IsOpen ? Decision.Of(new PickupCancelled(request.Id, Reason(reason), now)) : Decision.Nothing;

    /// <summary>
    /// PUP-2 / PUP-6: some units of some lines cancelled (quantities capped at what is still open); when nothing is left to
    /// collect the whole request is cancelled and its receipt void. An order's cancellation already taken changes nothing.
    /// </summary>
    public static Decision CancelItems(PickupRequest request, IReadOnlyList<CancelledItem> items, string reason, DateTimeOffset now,
        string? cancellationId = null)
    {
        if (cancellationId is not null && request.CancellationIds?.Contains(cancellationId) == true)
            return Decision.Nothing;
        if (!request.IsOpen)
            return Decision.No(Closed(request));
        var cancelled = items
            .Select(c => (c, line: request.Items.FirstOrDefault(i => i.LineId == c.LineId)))
            .Where(x => x.line is { Open: > 0 } && x.c.Quantity > 0)
            .Select(x => new CancelledItem(x.line!.LineId, x.line.Sku, Math.Min(x.c.Quantity, x.line.Open)))
            .ToList();
        if (cancelled.Count == 0)
            return Decision.Nothing;
        var partial = new PickupPartiallyCancelled(request.Id, cancelled, Reason(reason), now, cancellationId);
        return request.Apply(partial).Items.All(i => i.Open == 0)
            ? Decision.Of(partial, new PickupCancelled(request.Id, Reason(reason), now))
            : Decision.Of(partial);
    }

    /// <summary>
    /// PUP-6: the counter cancels a received request (what is still to collect), with a reason; before it is received the
    /// order cancels it (PUP-2), and one that is over stays as it is.
    /// </summary>
    public static Decision CancelAfterReceive(PickupRequest request, string? reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
            return Decision.No(Refusal.Invalid("pickup.reason_required", $"Say why, in 1 to {MaxReasonLength} characters."));
        return request.Status switch
        {
            PickupStatus.Received or PickupStatus.PartiallyCompleted => Decision.Of(new PickupCancelled(request.Id, reason.Trim(), now)),
            PickupStatus.Requested => Decision.No(Refusal.Conflict("pickup.not_received",
                $"{request.ConfirmationNumber} is not received yet: cancel its order's lines instead.")),
            _ => Decision.No(Closed(request)),
        };
    }

    /// <summary>PUP-5: a request nothing of which was handed over can be declared not possible, with a reason.</summary>
    public static Decision NotPossible(PickupRequest request, string? reason, DateTimeOffset now, bool outOfStock = false)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
            return Decision.No(Refusal.Invalid("pickup.reason_required", $"Say why, in 1 to {MaxReasonLength} characters."));
        if (request.Status is not (PickupStatus.Requested or PickupStatus.Received))
            return Decision.No(request.IsOpen
                ? Refusal.Conflict("pickup.partly_collected", "Goods of this pickup were handed over already: cancel the rest instead.")
                : Closed(request));
        return Decision.Of(new PickupNotPossible(request.Id, reason.Trim(), now, outOfStock));
    }

    /// <summary>
    /// PUP-8: an open request whose pickup date is before the store's <paramref name="today"/> is reported on that day's
    /// expiry list and released, once; asking again the same day or later reports nothing.
    /// </summary>
    public static Decision Expire(PickupRequest request, DateOnly today, DateTimeOffset now) =>
        request.IsOpen && request.PickupDate < today && request.ExpiryReportedOn is null
            ? Decision.Of(new ExpiryReported(request.Id, today, now), new PickupExpired(request.Id, now))
            : Decision.Nothing;

    private static Refusal? Receivable(PickupRequest request) => request.Status switch
    {
        PickupStatus.Requested => null,
        PickupStatus.Received or PickupStatus.PartiallyCompleted =>
            Refusal.Conflict("pickup.already_received", $"{request.ConfirmationNumber} is received and on the hanger already."),
        _ => Closed(request),
    };

    /// <summary>The refusal for a request that is over, by how it ended.</summary>
    public static Refusal Closed(PickupRequest request) => request.Status switch
    {
        PickupStatus.Cancelled => Refusal.Conflict("pickup.cancelled", $"The pickup of {request.ConfirmationNumber} was cancelled ({request.CancellationReason})."),
        PickupStatus.Completed => Refusal.Conflict("pickup.completed", $"Everything of {request.ConfirmationNumber} was collected already."),
        _ => Refusal.Conflict("pickup.closed", $"The pickup of {request.ConfirmationNumber} is {request.Status}."),
    };

    private static string Reason(string reason) => reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength];
}
