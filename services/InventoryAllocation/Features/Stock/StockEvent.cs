namespace OmniChannel.InventoryAllocation.Features.Stock;

/// <summary>
/// Every change of a SKU's stock at a location, each with its reason, on the level's own stream (<see cref="StockLevel.IdFor"/>):
/// the stream explains today's quantities and replays them. Positional records, read back from years-old streams: a field
/// is never renamed, only added with a default.
/// </summary>
public static class StockEvent
{
    /// <summary>The first event of every level: which SKU at which location the stream counts.</summary>
    public sealed record Opened(string LocationId, string Sku);

    /// <summary>Goods came in (a delivery, a return to stock), with what they came on.</summary>
    public sealed record Received(int Quantity, string Reference);

    /// <summary>A stock count: on hand is what was counted, whatever it was before.</summary>
    public sealed record Counted(int OnHand, int Before);

    /// <summary>INV-7: a ship or pickup line holds units until it is fulfilled, cancelled or expires.</summary>
    public sealed record Reserved(Guid OrderId, int LineId, int Quantity);

    /// <summary>INV-7: a cancelled, rejected or expired order gives back what its line held.</summary>
    public sealed record Released(Guid OrderId, int LineId, int Quantity, int Allocated = 0);

    /// <summary>INV-4: an allocation run confirmed a ship line's reserved units on the shelf: still reserved, now allocated too.</summary>
    public sealed record Allocated(Guid OrderId, int LineId, int Quantity, string RunId);

    /// <summary>
    /// INV-4: units found damaged or missing on the shelf leave on-hand stock. Unlike a count, it may leave less on hand than
    /// ship lines reserve before allocation: the next allocation run finds which orders the shelf can no longer serve.
    /// </summary>
    public sealed record WrittenOff(int Quantity, string Reason);

    /// <summary>INV-7: a carry-out line takes its units from the store at once.</summary>
    public sealed record CarriedOut(Guid OrderId, int LineId, int Quantity);

    /// <summary>A rejected order's carry-out goods go back on the shelf.</summary>
    public sealed record CarryOutReturned(Guid OrderId, int LineId, int Quantity);

    /// <summary>PUP-4 / PAY-6: reserved units left with a pickup or a shipment; <paramref name="Allocated"/> of them had been allocated (INV-4).</summary>
    public sealed record Issued(Guid OrderId, string FulfillmentId, int LineId, int Quantity, int Allocated = 0);

    /// <summary>INV-1: a transfer order will take these units to another warehouse: scheduled outbound, no longer available.</summary>
    public sealed record TransferScheduled(string TransferId, string ToLocationId, int Quantity);

    /// <summary>The transfer's goods left: off the shelf here, no longer scheduled.</summary>
    public sealed record TransferredOut(string TransferId, string ToLocationId, int Quantity);

    /// <summary>At the receiving warehouse: the transfer's goods are on their way (in transit), not yet on hand.</summary>
    public sealed record TransferInTransit(string TransferId, string FromLocationId, int Quantity);

    /// <summary>The transfer's goods arrived: on hand here, no longer in transit.</summary>
    public sealed record TransferredIn(string TransferId, string FromLocationId, int Quantity);

    public static readonly Type[] All =
    [
        typeof(Opened), typeof(Received), typeof(Counted), typeof(Reserved), typeof(Released), typeof(CarriedOut), typeof(CarryOutReturned), typeof(Issued),
        typeof(TransferScheduled), typeof(TransferredOut), typeof(TransferInTransit), typeof(TransferredIn), typeof(Allocated), typeof(WrittenOff),
    ];

    /// <summary>The reason a history shows: the event's name in snake case.</summary>
    public static string ReasonOf(object @event) => @event switch
    {
        Opened => "opened",
        Received => "received",
        Counted => "counted",
        Reserved => "reserved",
        Released => "released",
        CarriedOut => "carried_out",
        CarryOutReturned => "carry_out_returned",
        Issued => "issued",
        TransferScheduled => "transfer_scheduled",
        TransferredOut => "transferred_out",
        TransferInTransit => "in_transit",
        TransferredIn => "transferred_in",
        Allocated => "allocated",
        WrittenOff => "written_off",
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "A stock event without a reason."),
    };
}

/// <summary>One decided event and the level whose stream it is appended to.</summary>
public sealed record StockChange(string LevelId, object Event);
