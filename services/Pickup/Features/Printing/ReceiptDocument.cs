using OmniChannel.Pickup.Features.PickupRequests;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using ZXing;
using ZXing.OneD;

namespace OmniChannel.Pickup.Features.Printing;

/// <summary>
/// PUP-1: a pickup receipt as a PDF the store's printer prints: the receipt number as a Code 128 barcode (what receiving
/// scans, PUP-3) and in text, the store, the customer, the pickup deadline and every item (SKU, UPC, name, quantity).
/// </summary>
public static class ReceiptDocument
{
    private const double Margin = 40;

    public static byte[] Render(PickupRequest request, PickupLocation store) => RenderSlip(
        $"Pickup receipt {request.ConfirmationNumber}", "Pickup receipt", request.ConfirmationNumber,
        [
            $"Receipt: {request.ConfirmationNumber}",
            $"Store: {store.Name} ({store.StoreId})",
            $"Customer: {request.CustomerId}",
            $"Pick up by: {request.PickupDate:yyyy-MM-dd}",
        ],
        request.Items.Select(item => ItemRow(item.Quantity - item.Cancelled, item.Sku, item.Upc, item.Name)));

    /// <summary>One item's row under the "Qty SKU UPC Item" heading.</summary>
    internal static string ItemRow(int quantity, string sku, string? upc, string? name) => $"{quantity,3}  {sku,-10} {upc ?? "",-14} {name ?? ""}";

    /// <summary>
    /// A counter slip (a receipt, a cancellation slip): a page the store's printer takes, its heading, the receipt number
    /// as a barcode, the header lines, then the items under their column heading.
    /// </summary>
    internal static byte[] RenderSlip(string title, string heading, string receiptNumber, IEnumerable<string> headerLines, IEnumerable<string> itemRows)
    {
        ReceiptFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = title;
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(420);
        page.Height = XUnit.FromPoint(595);
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var titleFont = new XFont(ReceiptFonts.Family, 16, XFontStyleEx.Bold);
            var text = new XFont(ReceiptFonts.Family, 10);
            var y = Margin;
            graphics.DrawString(heading, titleFont, XBrushes.Black, Margin, y);
            y += 14;
            DrawBarcode(graphics, receiptNumber, Margin, y, width: page.Width.Point - 2 * Margin, height: 60);
            y += 78;
            foreach (var line in headerLines)
            {
                graphics.DrawString(line, text, XBrushes.Black, Margin, y);
                y += 14;
            }
            y += 8;
            graphics.DrawString("Qty  SKU        UPC            Item", text, XBrushes.Black, Margin, y);
            y += 14;
            foreach (var row in itemRows)
            {
                graphics.DrawString(row, text, XBrushes.Black, Margin, y);
                y += 14;
            }
        }
        using var pdf = new MemoryStream();
        document.Save(pdf, closeStream: false);
        return pdf.ToArray();
    }

    /// <summary>The Code 128 symbol drawn as bars (vector, sharp at any printer resolution), with its quiet zones.</summary>
    internal static void DrawBarcode(XGraphics graphics, string contents, double x, double y, double width, double height)
    {
        var bars = new Code128Writer().encode(contents, BarcodeFormat.CODE_128, 0, 1); // one row: the modules, quiet zones included
        var module = width / bars.Width;
        for (var i = 0; i < bars.Width; i++)
            if (bars[i, 0])
                graphics.DrawRectangle(XBrushes.Black, x + i * module, y, module, height);
    }
}

/// <summary>
/// PDFsharp's Core build reads no system fonts by itself: the receipt's font is DejaVu Sans, Debian's default (fonts-dejavu-core),
/// or the first of the usual Linux paths that has it.
/// </summary>
internal sealed class ReceiptFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly string[] Folders = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF"];
    private static readonly object Gate = new();

    public static void EnsureRegistered()
    {
        lock (Gate)
            GlobalFontSettings.FontResolver ??= new ReceiptFonts();
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName) =>
        Folders.Select(folder => Path.Combine(folder, faceName + ".ttf")).FirstOrDefault(File.Exists) is { } path
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException($"The receipt's font {faceName}.ttf is in none of {string.Join(", ", Folders)}: install fonts-dejavu-core.");
}
