using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.Pickup.Features.Printing;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OmniChannel.Pickup.Features.Expiry;

/// <summary>
/// PUP-8: the day's expiry list as a PDF for the store's printer: the store and day, then every expired receipt (its number
/// as a Code 128 barcode and in text, customer, pickup deadline, and the items to take off the hanger), page after page.
/// </summary>
public static class ExpiryListDocument
{
    private const double Margin = 40;
    private const double Line = 14;

    public static byte[] Render(ExpiryList list, PickupLocation store)
    {
        ReceiptFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = $"Expiry list {store.StoreId} {list.Day:yyyy-MM-dd}";
        var titleFont = new XFont(ReceiptFonts.Family, 16, XFontStyleEx.Bold);
        var bold = new XFont(ReceiptFonts.Family, 10, XFontStyleEx.Bold);
        var text = new XFont(ReceiptFonts.Family, 10);
        PdfPage page = null!;
        XGraphics graphics = null!;
        var y = 0d;

        void NewPage()
        {
            graphics?.Dispose();
            page = document.AddPage();
            page.Width = XUnit.FromPoint(595);
            page.Height = XUnit.FromPoint(842);
            graphics = XGraphics.FromPdfPage(page);
            y = Margin;
        }

        NewPage();
        graphics.DrawString("Expiry list", titleFont, XBrushes.Black, Margin, y);
        y += Line + 4;
        graphics.DrawString($"Store: {store.Name} ({store.StoreId})", text, XBrushes.Black, Margin, y);
        y += Line;
        graphics.DrawString($"Day: {list.Day:yyyy-MM-dd}", text, XBrushes.Black, Margin, y);
        y += Line;
        graphics.DrawString($"Expired receipts: {list.Receipts.Count} (take them off the hanger; their stock is sellable again)", text,
            XBrushes.Black, Margin, y);
        y += 2 * Line;
        foreach (var receipt in list.Receipts)
        {
            var height = 40 + Line * (4 + receipt.Items.Count);
            if (y + height > page.Height.Point - Margin)
                NewPage();
            ReceiptDocument.DrawBarcode(graphics, receipt.ReceiptNumber, Margin, y, width: 220, height: 36);
            y += 36 + Line;
            graphics.DrawString($"Receipt: {receipt.ReceiptNumber}", bold, XBrushes.Black, Margin, y);
            y += Line;
            graphics.DrawString($"Customer: {receipt.CustomerId}    Pick up by: {receipt.PickupDate:yyyy-MM-dd}", text, XBrushes.Black, Margin, y);
            y += Line;
            graphics.DrawString("Qty  SKU        UPC            Item", text, XBrushes.Black, Margin, y);
            y += Line;
            foreach (var item in receipt.Items)
            {
                graphics.DrawString(ReceiptDocument.ItemRow(item.Quantity, item.Sku, item.Upc, item.Name), text, XBrushes.Black, Margin, y);
                y += Line;
            }
            y += Line;
        }
        graphics.Dispose();
        using var pdf = new MemoryStream();
        document.Save(pdf, closeStream: false);
        return pdf.ToArray();
    }
}
