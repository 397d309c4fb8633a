namespace OmniChannel.Order.Features.CancelOrder;

/// <summary>ORD-8: the cashier confirmed the cancellation; the order saga carries it out. Published through the outbox by POST .../cancellation.</summary>
public sealed record CancelCustomerOrder
{
    public required Guid OrderId { get; init; }
    public required string CancellationId { get; init; }
    public required decimal ChargePercent { get; init; }
}
