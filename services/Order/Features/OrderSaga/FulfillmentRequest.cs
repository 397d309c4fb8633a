using OmniChannel.Contracts.Pickup;
using OmniChannel.Order.Features.Invoicing;
using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.OrderSaga;

/// <summary>Goods leaving the business, as the saga fulfills them: a pickup completion (PUP-4) or an invoice of shipped lines (PAY-6).</summary>
public sealed record FulfillmentRequest(string FulfillmentId, FulfillmentSource Source, string LocationId, IReadOnlyList<LineQuantity> Lines,
    int? PreferredTenderLineId)
{
    public static FulfillmentRequest Of(PickupCompleted m) => new(m.FulfillmentId, FulfillmentSource.Pickup, m.StoreId,
        m.Lines.Select(l => new LineQuantity(l.LineId, l.Quantity)).ToList(), m.PreferredTenderLineId);

    public static FulfillmentRequest Of(InvoiceShippedLines m) => new(m.FulfillmentId, FulfillmentSource.Invoice, "", m.Lines, null);
}
