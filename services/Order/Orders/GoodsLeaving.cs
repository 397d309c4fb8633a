using OmniChannel.Contracts.Pickup;
using OmniChannel.Order.Features.Invoicing;

namespace OmniChannel.Order.Orders;

/// <summary>
/// Goods leaving the business, as the saga fulfills them: a pickup completion (PUP-4) or an invoice of shipped lines
/// (PAY-6). Not the line's requested fulfillment of CreateOrder (CreateOrder.FulfillmentRequest).
/// </summary>
public sealed record GoodsLeaving(string FulfillmentId, FulfillmentSource Source, string LocationId, IReadOnlyList<LineQuantity> Lines,
    int? PreferredTenderLineId)
{
    public static GoodsLeaving Of(PickupCompleted m) => new(m.FulfillmentId, FulfillmentSource.Pickup, m.StoreId,
        m.Lines.Select(l => new LineQuantity(l.LineId, l.Quantity)).ToList(), m.PreferredTenderLineId);

    public static GoodsLeaving Of(InvoiceShippedLines m) => new(m.FulfillmentId, FulfillmentSource.Invoice, "", m.Lines, null);
}
