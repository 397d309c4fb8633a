namespace OmniChannel.Contracts.Pickup;

/// <summary>
/// PUP-3 / PUP-9: the store received a pickup request (every item scanned) and it is on the pickup hanger: the customer
/// can come. Published by Pickup in the commit that put it there, once per request; the Order service moves the
/// storefront's e-commerce order to Ready for Pickup and notifies the customer through the storefront.
/// </summary>
public sealed record PickupReadyForCollection
{
    public required Guid OrderId { get; init; }
    public required Guid PickupId { get; init; }
    public required string StoreId { get; init; }

    /// <summary>The order's confirmation number (the receipt's barcode).</summary>
    public required string ConfirmationNumber { get; init; }

    /// <summary>The request's pickup date: when the customer was to collect it.</summary>
    public required DateOnly PickupDate { get; init; }

    public required DateTimeOffset At { get; init; }
}
