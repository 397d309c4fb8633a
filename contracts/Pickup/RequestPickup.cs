namespace OmniChannel.Contracts.Pickup;

/// <summary>PUP-1: a confirmed order's lines to be collected at a store's pickup counter. Idempotent per (OrderId, StoreId).</summary>
public sealed record RequestPickup
{
    public required Guid OrderId { get; init; }
    public required string ConfirmationNumber { get; init; }
    public required string StoreId { get; init; }
    public required string CustomerId { get; init; }
    public required DateOnly PickupDate { get; init; }
    public required IReadOnlyList<PickupLine> Lines { get; init; }
}

public sealed record PickupLine
{
    public required int LineId { get; init; }
    public required string Sku { get; init; }
    public required int Quantity { get; init; }
}
