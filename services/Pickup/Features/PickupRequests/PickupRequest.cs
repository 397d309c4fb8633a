using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Pickup.Features.PickupRequests;

/// <summary>A store that serves pickup (INV-6), with the time zone its pickup deadlines and receipt slots use.</summary>
public sealed record PickupLocation(string StoreId, string Name, string TimeZone);

/// <summary>
/// PUP-7 statuses; a request moves Requested → Received (on the hanger) → PartiallyCompleted (some goods collected) →
/// Completed, or ends otherwise.
/// </summary>
public enum PickupStatus { Requested, Received, Completed, NotPossible, Cancelled, Expired, PartiallyCompleted }

/// <summary>
/// The payment of a completion, as the Order service tells it once Payment-Token answered its capture: Pending until then;
/// PaidAhead when nothing was left to capture; NewPaymentRequired (PAY-9): the terminal takes a new payment.
/// </summary>
public enum PickupPaymentStatus { Pending, Captured, NewPaymentRequired }

/// <summary>
/// Goods a customer collects at a store's pickup counter (PUP-1 … PUP-9). <see cref="RequestedBy"/>: who started the
/// order the request comes from (the cashier or storefront that placed it), as the order's confirmation carried it.
/// </summary>
public sealed record PickupRequest(
    Guid Id,
    string StoreId,
    string ConfirmationNumber,
    string CustomerId,
    PickupStatus Status,
    DateOnly PickupDate,
    IReadOnlyList<PickupItem> Items,
    DateTimeOffset RequestedAt,
    Guid OrderId,
    IReadOnlyList<PickupCompletion>? Completions = null,
    string? CancellationReason = null,
    Initiator? RequestedBy = null);

/// <summary>One order line to collect; <see cref="HandedOver"/>: how many the customer took so far.</summary>
public sealed record PickupItem(string Sku, int Quantity, int LineId = 0, int HandedOver = 0)
{
    public int Open => Quantity - HandedOver;
}

public sealed record HandedOverItem(int LineId, string Sku, int Quantity);

/// <summary>
/// PUP-4: one handing over, under the terminal's Idempotency-Key, and what became of its payment; <see cref="AnsweredAttempts"/>
/// are the captures whose answer is counted, so an answer delivered twice counts once.
/// </summary>
public sealed record PickupCompletion(
    string FulfillmentId,
    string IdempotencyKey,
    string Fingerprint,
    IReadOnlyList<HandedOverItem> Items,
    int? TenderLineId,
    DateTimeOffset At,
    PickupPaymentStatus Payment = PickupPaymentStatus.Pending,
    decimal Captured = 0m,
    decimal? BalanceDue = null,
    string? PaymentCode = null,
    IReadOnlyList<string>? AnsweredAttempts = null);
