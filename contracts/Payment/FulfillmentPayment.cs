using System.Text.Json.Serialization;

namespace OmniChannel.Contracts.Payment;

/// <summary>What a fulfillment capture pays for: goods handed over at pickup, or shipped lines invoiced.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FulfillmentPurpose>))]
public enum FulfillmentPurpose { Pickup, Invoice }

/// <summary>
/// Capture what the goods handed over at pickup (PUP-4: PAY-3, PAY-4, PAY-5, PAY-8, PAY-9, PAY-10) or invoiced for
/// shipped lines (PAY-6) cost, from the order's card tenders in turn ("use available payment method"). Answered by
/// <see cref="FulfillmentPaymentCaptured"/>, or <see cref="FulfillmentPaymentFailed"/> when the terminal must take a
/// new payment for the balance. Idempotent per (OrderId, FulfillmentId).
/// </summary>
public sealed record CaptureFulfillmentPayment
{
    public required Guid OrderId { get; init; }

    /// <summary>The pickup or invoice this capture pays for; at most 60 letters, digits, '-', '_' or '.'.</summary>
    public required string FulfillmentId { get; init; }

    public required FulfillmentPurpose Purpose { get; init; }

    public required decimal Amount { get; init; }
    public required string Currency { get; init; }

    /// <summary>
    /// PAY-8: the tender line of a different card the terminal just took for this pickup (POST .../tenders): captured
    /// first, before the order's other tenders in their usual turn.
    /// </summary>
    public int? PreferredTenderLineId { get; init; }
}

public sealed record FulfillmentPaymentCaptured
{
    public required Guid OrderId { get; init; }
    public required string FulfillmentId { get; init; }
    public required decimal Captured { get; init; }
    public required IReadOnlyList<string> CaptureTokens { get; init; }
}

public sealed record FulfillmentPaymentFailed
{
    public required Guid OrderId { get; init; }
    public required string FulfillmentId { get; init; }
    public required decimal Captured { get; init; }
    public required decimal BalanceDue { get; init; }

    /// <summary><c>payment.new_tender_required</c>: the terminal takes a new payment for the balance (PAY-9).</summary>
    public required string Code { get; init; }
    public required string Reason { get; init; }
}

/// <summary>
/// ORD-8 / PAY-11: a cancelled order: void every open authorization and refund deposits and prepayments minus the
/// cancellation charge against their capture tokens. Answered by <see cref="OrderPaymentsSettled"/>. Idempotent per
/// (OrderId, CancellationId).
/// </summary>
public sealed record SettleCancelledOrderPayments
{
    public required Guid OrderId { get; init; }
    public required string CancellationId { get; init; }
    public required decimal CancellationCharge { get; init; }
    public required string Currency { get; init; }
}

public sealed record OrderPaymentsSettled
{
    public required Guid OrderId { get; init; }
    public required string CancellationId { get; init; }
    public required decimal Refunded { get; init; }
    public required decimal Retained { get; init; }
}

/// <summary>
/// The order is completed: nothing more will be captured, so what its authorizations still hold (e.g. the rest of an
/// online authorization after a different card paid at pickup, PAY-8) is voided through the connector that made it
/// and the customer's card is released. Idempotent per OrderId; nothing answers it.
/// </summary>
public sealed record ReleaseOrderAuthorizations
{
    public required Guid OrderId { get; init; }
}
