using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.Invoicing;

/// <summary>PAY-6: shipped lines invoiced; the order saga captures them. Published through the outbox by POST .../invoices.</summary>
public sealed record InvoiceShippedLines
{
    public required Guid OrderId { get; init; }
    public required string InvoiceId { get; init; }
    public required IReadOnlyList<LineQuantity> Lines { get; init; }

    public string FulfillmentId => FulfillmentIdOf(InvoiceId);

    public static string FulfillmentIdOf(string invoiceId) => $"invoice.{invoiceId}";
}
