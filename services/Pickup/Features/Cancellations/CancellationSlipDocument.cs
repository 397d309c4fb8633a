using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.Pickup.Features.Printing;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OmniChannel.Pickup.Features.Cancellations;

/// <summary>
/// PUP-2: a cancellation slip as a PDF, printed like the receipt: the receipt number (barcode and text), the store, the
/// reason, the items to take off the hanger (SKU, UPC, name, quantity), and "RECEIPT VOID" when nothing is left to collect.
/// </summary>
public static class CancellationSlipDocument
{
    private const double Margin = 40;

    public static byte[] Render(PickupRequest request, PickupLocation store, IReadOnlyList<CancelledItem> items, string reason, bool withHistory)
    {
        ReceiptFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = $"Cancellation slip {request.ConfirmationNumber}";
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(420);
        page.Height = XUnit.FromPoint(595);
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var title = new XFont(ReceiptFonts.Family, 16, XFontStyleEx.Bold);
            var text = new XFont(ReceiptFonts.Family, 10);
            var y = Margin;
            graphics.DrawString("Cancellation slip", title, XBrushes.Black, Margin, y);
            y += 14;
            ReceiptDocument.DrawBarcode(graphics, request.ConfirmationNumber, Margin, y, width: page.Width.Point - 2 * Margin, height: 60);
            y += 78;
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
            foreach (var line in header)
            {
                graphics.DrawString(line, text, XBrushes.Black, Margin, y);
                y += 14;
            }
            y += 8;
            graphics.DrawString("Qty  SKU        UPC            Item", text, XBrushes.Black, Margin, y);
            y += 14;
            foreach (var cancelled in items)
            {
                var item = request.Items.First(i => i.LineId == cancelled.LineId);
                graphics.DrawString($"{cancelled.Quantity,3}  {item.Sku,-10} {item.Upc ?? "",-14} {item.Name ?? ""}", text, XBrushes.Black, Margin, y);
                y += 14;
            }
        }
        using var pdf = new MemoryStream();
        document.Save(pdf, closeStream: false);
        return pdf.ToArray();
    }
}
