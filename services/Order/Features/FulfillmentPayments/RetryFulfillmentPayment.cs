namespace OmniChannel.Order.Features.FulfillmentPayments;

/// <summary>
/// PAY-9 / PAY-8: the terminal took a new payment for a fulfillment whose capture failed (a tender authorized for the
/// balance): capture the balance again, that tender first. Published through the outbox by POST .../fulfillments/{id}/payment.
/// </summary>
public sealed record RetryFulfillmentPayment
{
    public required Guid OrderId { get; init; }
    public required string FulfillmentId { get; init; }
    public int? PreferredTenderLineId { get; init; }
}
