using MassTransit;
using OmniChannel.Contracts.Inventory;
using OmniChannel.Order.Features.Invoicing;
using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.Allocation;

/// <summary>
/// INV-5 → PAY-6: a scanned-out shipment is invoiced on its waybill, as POST .../invoices would: the saga captures what
/// the lines cost and issues their stock. The saga takes an invoice once (its fulfillment id), so a redelivery changes nothing.
/// </summary>
public sealed class ShipmentLeftConsumer : IConsumer<ShipmentLeft>
{
    public Task Consume(ConsumeContext<ShipmentLeft> context) => context.Publish(new InvoiceShippedLines
    {
        OrderId = context.Message.OrderId,
        InvoiceId = context.Message.InvoiceId,
        Lines = context.Message.Lines.Select(l => new LineQuantity(l.LineId, l.Quantity)).ToList(),
    });
}
