namespace OmniChannel.Contracts.Pickup;

/// <summary>
/// PUP-4: the customer collected these goods at the store's pickup counter (every item scanned, quantities verified).
/// The Order saga captures what they cost (PAY-3, PAY-4, PAY-5, PAY-8, PAY-9, PAY-10). One per completion.
/// </summary>
public sealed record PickupCompleted
{
    public required Guid OrderId { get; init; }
    public required string ConfirmationNumber { get; init; }
    public required Guid PickupId { get; init; }
    public required string StoreId { get; init; }

    /// <summary>This completion's id (<c>pickup.{32 hex}</c>): the capture's fulfillment id, and the key the payment answers name.</summary>
    public required string FulfillmentId { get; init; }

    public required IReadOnlyList<PickupLine> Lines { get; init; }

    /// <summary>PAY-8: the tender line of a different card the customer paid with at the counter, captured first.</summary>
    public int? PreferredTenderLineId { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }
}

/// <summary>PUP-2 / ORD-8: the order was cancelled: its pickup requests are cancelled and their receipts voided. Idempotent.</summary>
public sealed record CancelPickup
{
    public required Guid OrderId { get; init; }
    public required string Reason { get; init; }
}

/// <summary>
/// PUP-2: some units of some of the order's lines were cancelled (any channel's order): its pickup requests cancel them, a
/// cancellation slip prints with only those items, and a request with nothing left is cancelled (its receipt void).
/// Idempotent per <see cref="CancellationId"/>: a redelivery cancels nothing more.
/// </summary>
public sealed record CancelPickupLines
{
    public required Guid OrderId { get; init; }

    /// <summary>The order's id for this cancellation; a request that already took it ignores it again.</summary>
    public required string CancellationId { get; init; }

    public required IReadOnlyList<PickupLine> Lines { get; init; }
    public required string Reason { get; init; }
}

/// <summary>
/// PUP-6: the store's counter cancelled a received pickup, with a reason (the goods are off the hanger): the Order saga
/// cancels the order's lines it held with the refund or void the order's rules give, and releases their stock. One per
/// pickup request (<see cref="CancellationId"/>), idempotent.
/// </summary>
public sealed record PickupCancelledAtCounter
{
    public required Guid OrderId { get; init; }
    public required Guid PickupId { get; init; }
    public required string StoreId { get; init; }
    public required string CancellationId { get; init; }
    public required IReadOnlyList<PickupLine> Lines { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset CancelledAt { get; init; }
}
