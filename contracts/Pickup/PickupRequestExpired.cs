namespace OmniChannel.Contracts.Pickup;

/// <summary>
/// PUP-8 / INV-7: a pickup request went past its pickup deadline, was reported on the store's expiry list and released from
/// the hanger. The Order service cancels the order's lines it held with the refund the order's rules give (the parameters'
/// cancellation charge, PAY-11), which releases their stock. One per pickup request (<see cref="CancellationId"/>), idempotent.
/// </summary>
public sealed record PickupRequestExpired
{
    public required Guid OrderId { get; init; }
    public required Guid PickupId { get; init; }
    public required string StoreId { get; init; }

    /// <summary>The order's cancellation id for this request (<c>pickup.expired.{32 hex}</c>).</summary>
    public required string CancellationId { get; init; }

    /// <summary>What the request still held to collect.</summary>
    public required IReadOnlyList<PickupLine> Lines { get; init; }

    /// <summary>The pickup deadline it passed, and the store's day that reported it.</summary>
    public required DateOnly PickupDate { get; init; }

    public required DateOnly ReportedOn { get; init; }
    public required DateTimeOffset At { get; init; }
}
