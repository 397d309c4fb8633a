using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Pickup.Features.PickupRequests;

// A pickup request is an event stream keyed by its id (RequestPickupConsumer.IdFor): its history is these events, its
// current state the PickupRequest Marten folds from them inline. Decided in PickupDecider; none of them leaves the service
// (what the order must know is published as contracts/Pickup messages next to them).

/// <summary>PUP-1: a confirmed order's pickup lines reached the store's counter; items carry the UPC and name the receipt prints.</summary>
public sealed record PickupRequested(Guid PickupId, Guid OrderId, string StoreId, string ConfirmationNumber, string CustomerId, DateOnly PickupDate,
    IReadOnlyList<PickupItem> Items, DateTimeOffset At, Initiator? RequestedBy);

/// <summary>PUP-1: the receipt went to the store's print queue, by the schedule or "print pending now".</summary>
public sealed record ReceiptPrinted(Guid PickupId, string PrintJobId, DateTimeOffset At);

/// <summary>PUP-7: the receipt printed again at the counter's request.</summary>
public sealed record ReceiptReprinted(Guid PickupId, string PrintJobId, DateTimeOffset At);

/// <summary>PUP-3: the receipt's barcode was scanned at the counter: receiving starts.</summary>
public sealed record ReceiptScanned(Guid PickupId, DateTimeOffset At);

/// <summary>
/// PUP-3: one unit of a line scanned (by its UPC) while receiving, under the terminal's Idempotency-Key (a scan sent twice
/// counts once); kept in the stream, so a restart loses no scan.
/// </summary>
public sealed record ItemScanned(Guid PickupId, int LineId, string Sku, string Code, string ScanKey, DateTimeOffset At);

/// <summary>PUP-3: every item scanned: the request is received, automatically.</summary>
public sealed record PickupReceived(Guid PickupId, DateTimeOffset At);

/// <summary>PUP-3: the goods went on the pickup hanger with their receipt.</summary>
public sealed record PutOnHanger(Guid PickupId, DateTimeOffset At);

/// <summary>PUP-2: some lines (or units) cancelled, under the order's cancellation id when it gave one; the rest stays to collect.</summary>
public sealed record PickupPartiallyCancelled(Guid PickupId, IReadOnlyList<CancelledItem> Items, string Reason, DateTimeOffset At,
    string? CancellationId = null);

/// <summary>
/// PUP-2: a cancellation slip went to the store's print queue: the items it lists (only the newly cancelled ones) are to come
/// off the hanger; the store may have it list every cancellation so far (<c>PrintSettings.SlipWithHistory</c>).
/// </summary>
public sealed record CancellationSlipPrinted(Guid PickupId, string PrintJobId, IReadOnlyList<CancelledItem> Items, DateTimeOffset At);

/// <summary>PUP-2: the print agent printed the slip: the items it lists are off the hanger (once per slip).</summary>
public sealed record CancelledItemsOffHanger(Guid PickupId, string PrintJobId, IReadOnlyList<CancelledItem> Items, DateTimeOffset At);

/// <summary>PUP-2 / PUP-6: nothing is left to collect: the receipt is void, the goods off the hanger.</summary>
public sealed record PickupCancelled(Guid PickupId, string Reason, DateTimeOffset At);

/// <summary>PUP-5: the store cannot serve the request (out of stock, or an unavoidable reason), with the reason text.</summary>
public sealed record PickupNotPossible(Guid PickupId, string Reason, DateTimeOffset At, bool OutOfStock = false);

/// <summary>PUP-4: goods handed over at the counter (the request's "completed" step; partially when some are left).</summary>
public sealed record PickupHandedOver(Guid PickupId, PickupCompletion Completion);

/// <summary>PAY-9: what became of a completion's capture, as the order told it.</summary>
public sealed record CompletionPaymentAnswered(Guid PickupId, string FulfillmentId, string CaptureId, PickupPaymentStatus Payment, decimal Captured,
    decimal BalanceDue, string? Code);

/// <summary>PUP-8: the request is past its pickup deadline and reported on the day's expiry list, once.</summary>
public sealed record ExpiryReported(Guid PickupId, DateOnly Day, DateTimeOffset At);

/// <summary>PUP-8: released from the hanger after its deadline; the order cancels what was left.</summary>
public sealed record PickupExpired(Guid PickupId, DateTimeOffset At);

public sealed record CancelledItem(int LineId, string Sku, int Quantity);
