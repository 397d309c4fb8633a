using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.Pickup.Features.Printing;

namespace OmniChannel.Pickup.Features.Cancellations;

/// <summary>
/// PUP-2: a cancellation slip as a PDF, printed like the receipt: the receipt number (barcode and text), the store, the
/// reason, the items to take off the hanger (SKU, UPC, name, quantity), and "RECEIPT VOID" when nothing is left to collect.
/// </summary>
public static class CancellationSlipDocument
{
    public static byte[] Render(PickupRequest request, PickupLocation store, IReadOnlyList<CancelledItem> items, string reason, bool withHistory)
    {
        var header = new List<string>
        {
            $"Receipt: {request.ConfirmationNumber}",
            $"Store: {store.Name} ({store.StoreId})",
            $"Customer: {request.CustomerId}",
            $"Reason: {reason}",
            withHistory ? "Every item cancelled so far:" : "Take off the hanger:",
        };
        if (request.Status == PickupStatus.Cancelled)
            header.Insert(0, "RECEIPT VOID: nothing is left to collect");
        return ReceiptDocument.RenderSlip($"Cancellation slip {request.ConfirmationNumber}", "Cancellation slip", request.ConfirmationNumber, header,
            items.Select(cancelled =>
            {
                var item = request.Items.First(i => i.LineId == cancelled.LineId);
                return ReceiptDocument.ItemRow(cancelled.Quantity, item.Sku, item.Upc, item.Name);
            }));
    }
}
