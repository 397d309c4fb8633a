namespace OmniChannel.Contracts.Inventory;

/// <summary>
/// INV-5: every item of the waybill was scanned and the shipment left the warehouse. The Order service invoices these
/// lines (PAY-6): its saga captures what they cost and issues their stock. Idempotent by <see cref="InvoiceId"/>.
/// </summary>
public sealed record ShipmentLeft
{
    public required Guid OrderId { get; init; }
    public required string ConfirmationNumber { get; init; }
    /// <summary>The invoice the shipment is billed on: its carrier and waybill number.</summary>
    public required string InvoiceId { get; init; }
    public required IReadOnlyList<IssuedLine> Lines { get; init; }
}
