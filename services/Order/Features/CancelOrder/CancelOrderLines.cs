namespace OmniChannel.Order.Features.CancelOrder;

/// <summary>
/// ORD-7: some units of an order's open lines are cancelled while the rest stays open; the order saga carries it out.
/// Published through the outbox by POST .../line-cancellations and by the consumers of a store's ended pickups (PUP-5/6/8).
/// <see cref="ChargePercentIfWhole"/>: when the lines are everything still open and nothing left yet, the whole order is
/// cancelled instead (ORD-8) with this charge.
/// </summary>
public sealed record CancelOrderLines
{
    public required Guid OrderId { get; init; }
    public required string CancellationId { get; init; }
    public required IReadOnlyList<LineToCancel> Lines { get; init; }
    public required string Reason { get; init; }
    public required decimal ChargePercentIfWhole { get; init; }
}

/// <summary>How many units of one order line to cancel.</summary>
public sealed record LineToCancel(int LineId, int Quantity);
