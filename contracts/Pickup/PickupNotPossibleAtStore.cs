namespace OmniChannel.Contracts.Pickup;

/// <summary>
/// PUP-5: the store cannot serve a pickup request (out of stock, or an unavoidable reason, with the reason text). The order
/// rejects the lines it held and does not charge the customer for them: the Order service cancels the order through its
/// saga with no cancellation charge (authorization voided, deposit refunded in full) and its stock goes back to Inventory.
/// One per pickup request (<see cref="CancellationId"/>), idempotent.
/// </summary>
public sealed record PickupNotPossibleAtStore
{
    public required Guid OrderId { get; init; }
    public required Guid PickupId { get; init; }
    public required string StoreId { get; init; }

    /// <summary>The order's cancellation id for this request (<c>pickup.notpossible.{32 hex}</c>): a redelivery cancels nothing more.</summary>
    public required string CancellationId { get; init; }

    /// <summary>What the request still held to collect.</summary>
    public required IReadOnlyList<PickupLine> Lines { get; init; }

    public required string Reason { get; init; }

    /// <summary>The store found the goods missing (rather than another unavoidable reason).</summary>
    public required bool OutOfStock { get; init; }

    public required DateTimeOffset At { get; init; }
}
