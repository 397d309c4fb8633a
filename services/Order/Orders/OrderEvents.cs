using OmniChannel.Order.Features.MasterData;

namespace OmniChannel.Order.Orders;

// The events of an order's stream (keyed by its confirmation number).

/// <param name="DepositTender">The card paid with at order time; none for a reservation paid in store (PUP-9).</param>
public sealed record OrderCreated(string ConfirmationNumber, Guid OrderId, string StoreId, string TerminalId, string CustomerId,
    CustomerType CustomerType, IReadOnlyList<OrderLine> Lines, DepositTender? DepositTender, decimal DepositPercent,
    CreationPath CreatedVia, DateTimeOffset ReceivedAt, DateTimeOffset CreatedAt, string Currency,
    OrderChannel Channel = OrderChannel.Store);

public sealed record OrderPriced(IReadOnlyList<LinePrice> Lines, decimal Total, decimal DepositDue, string Currency);

public sealed record StockReserved(string ReservationId);

public sealed record StockReservationFailed(string Code, string Reason);

/// <summary>The deposit (store) or prepayment (call center) captured before confirmation (ORD-3, PAY-4).</summary>
public sealed record DepositCaptured(decimal Amount, string AuthorizationToken, string? CaptureToken);

/// <summary>PAY-3 / PAY-5: what the swipe or the checkout left authorized, to be captured at pickup or invoicing.</summary>
public sealed record BalanceAuthorized(decimal Amount, string AuthorizationToken, DateTimeOffset? ExpiresAt);

/// <summary>PAY-7: the card cannot give a recurring token: the balance waits for a second card (POST /api/orders/{cn}/tenders).</summary>
public sealed record SecondCardRequired(decimal Balance);

/// <summary>
/// PAY-7/8/9/10: a card the terminal took at the counter, authorized for <see cref="Amount"/> as tender line
/// <see cref="TenderLineId"/> of the order's payments (its token masked: the Payment service holds it).
/// </summary>
public sealed record CardTenderTaken(int TenderLineId, string TenderTypeId, string CardTypeId, string CardToken, decimal Amount, string StoreId,
    DateTimeOffset At);

public sealed record DepositDeclined(string Code, string Reason);

public sealed record StockReleased(string ReservationId);

public sealed record OrderConfirmed(DateTimeOffset ConfirmedAt);

public sealed record OrderRejected(string Code, string Reason, DateTimeOffset RejectedAt);

/// <summary>
/// Goods left the business: carried out at the terminal, handed over at a pickup counter (PUP-4) or invoiced as shipped
/// (PAY-6). <see cref="PaidAhead"/> is what the deposit or prepayment already paid of <see cref="Value"/>;
/// <see cref="Due"/> the rest, captured from the order's card tenders.
/// </summary>
public sealed record LinesFulfilled(string FulfillmentId, FulfillmentSource Source, string LocationId, IReadOnlyList<FulfilledLine> Lines,
    decimal Value, decimal PaidAhead, decimal Due, DateTimeOffset At);

/// <summary>A pickup completion or invoice the order could not take (e.g. the order was cancelled meanwhile).</summary>
public sealed record FulfillmentRefused(string FulfillmentId, string Code, string Reason);

/// <summary>CaptureFulfillmentPayment sent for a fulfillment: the first attempt's id is the fulfillment's, later ones add <c>.n</c>.</summary>
public sealed record FulfillmentPaymentRequested(string FulfillmentId, string AttemptId, decimal Amount, int? PreferredTenderLineId);

public sealed record FulfillmentPaymentCaptured(string FulfillmentId, string AttemptId, decimal Captured, IReadOnlyList<string> CaptureTokens);

/// <summary>PAY-9: the order's cards could not pay the goods: the terminal takes a new payment for <see cref="BalanceDue"/>.</summary>
public sealed record FulfillmentPaymentFailed(string FulfillmentId, string AttemptId, decimal Captured, decimal BalanceDue, string Code, string Reason);

/// <summary>Every line is fulfilled and paid.</summary>
public sealed record OrderCompleted(DateTimeOffset CompletedAt);

/// <summary>ORD-8: the cashier confirmed the cancellation with this charge (the parameters' percent, or as adjusted).</summary>
public sealed record CancellationRequested(string CancellationId, decimal ChargePercent, decimal Charge, DateTimeOffset At);

public sealed record CancellationRefused(string CancellationId, string Code, string Reason);

/// <summary>PAY-11: deposits and prepayments minus the charge refunded against their capture tokens; open authorizations voided.</summary>
public sealed record CancellationSettled(string CancellationId, decimal Refunded, decimal Retained);

public sealed record OrderCancelled(DateTimeOffset CancelledAt);

/// <summary>
/// A message for the order that arrived after its saga ended (a cancellation or goods leaving after the order was
/// completed, cancelled or rejected; a payment answer after the end): recorded on purpose, nothing else changes. Money
/// it reports moving shows in the reconciliation for an operator.
/// </summary>
public sealed record LateMessageRecorded(string MessageType, string Reason, DateTimeOffset At);
