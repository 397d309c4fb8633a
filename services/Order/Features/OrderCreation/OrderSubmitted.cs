namespace OmniChannel.Order.Features.OrderCreation;

/// <summary>The order's stream exists: the order saga takes it from here. Published through the outbox.</summary>
public sealed record OrderSubmitted
{
    public required Guid OrderId { get; init; }
    public required string ConfirmationNumber { get; init; }
}
