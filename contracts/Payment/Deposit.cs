using System.Text.Json.Serialization;

namespace OmniChannel.Contracts.Payment;

/// <summary>Where the order was taken: the store's terminal swipes the card (card present), the storefront and the call
/// center do not (card not present, PAY-1).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SalesChannel>))]
public enum SalesChannel { Store, Online, CallCenter }

/// <summary>
/// ORD-3: take the deposit from the card token now (authorize and capture through the card-present connector).
/// Answered by <see cref="DepositCaptured"/> or <see cref="DepositDeclined"/>. Idempotent per OrderId.
/// PAY-5 single swipe: with <see cref="BalanceToAuthorize"/>, the same swipe also authorizes the rest of the order for
/// capture at pickup or invoicing (a 100 % deposit sends 0 and leaves nothing authorized).
/// PAY-3 / PAY-4: an order from the storefront or the call center (<see cref="Channel"/>) goes through the card not
/// present connector: the storefront's checkout authorizes the order and captures nothing (Amount 0); the call center
/// captures its prepayment and authorizes the rest.
/// </summary>
public sealed record CaptureDeposit
{
    public required Guid OrderId { get; init; }
    public required string ConfirmationNumber { get; init; }
    public required string StoreId { get; init; }
    public required string TenderTypeId { get; init; }
    public required string CardTypeId { get; init; }
    public required string CardToken { get; init; }
    public required decimal Amount { get; init; }
    public required string Currency { get; init; }

    /// <summary>What the order costs beyond the deposit, to authorize with the same swipe (PAY-5). Optional: none when absent.</summary>
    public decimal? BalanceToAuthorize { get; init; }

    /// <summary>Store (the default: a card present swipe at the terminal), Online or CallCenter (card not present, PAY-1).</summary>
    public SalesChannel Channel { get; init; }
}

public sealed record DepositCaptured
{
    public required Guid OrderId { get; init; }
    public required decimal Amount { get; init; }
    public required string AuthorizationToken { get; init; }

    /// <summary>Null when nothing was captured: a storefront checkout only authorizes (PAY-3).</summary>
    public string? CaptureToken { get; init; }

    /// <summary>The deposit's tender line in the order's payments (GET /api/payments/orders/{orderId}).</summary>
    public int? TenderLineId { get; init; }

    /// <summary>What the swipe left authorized for the fulfillment (PAY-5); 0 after a 100 % deposit.</summary>
    public decimal? AuthorizedBalance { get; init; }

    public DateTimeOffset? AuthorizationExpiresAt { get; init; }

    /// <summary>
    /// PAY-7: the card cannot give a recurring token, so only the deposit was taken; the balance needs a second card
    /// (POST /api/payments/orders/{orderId}/tenders), and a second such card is refused.
    /// </summary>
    public bool? SecondCardRequired { get; init; }
}

public sealed record DepositDeclined
{
    public required Guid OrderId { get; init; }
    public required string Code { get; init; }
    public required string Reason { get; init; }
}
