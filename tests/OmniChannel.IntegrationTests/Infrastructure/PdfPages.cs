using System.Diagnostics;
using ZXing;
using ZXing.Common;

namespace OmniChannel.IntegrationTests.Infrastructure;

/// <summary>
/// A PDF as a printer would see it: its first page rendered to pixels and its text, by Debian's poppler-utils (pdftoppm,
/// pdftotext; installed like the dashboard tests' chromium, as root, when missing), and barcodes read back with ZXing.
/// </summary>
public static class PdfPages
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    /// <summary>Every barcode ZXing finds on the first page, rendered at 200 dpi in grey.</summary>
    public static async Task<string?> BarcodeAsync(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("omni-pdf-");
        try
        {
            var input = Path.Combine(folder.FullName, "page.pdf");
            await File.WriteAllBytesAsync(input, pdf);
            await RunAsync("pdftoppm", "-r", "200", "-gray", "-singlefile", "-f", "1", input, Path.Combine(folder.FullName, "page"));
            var (width, height, pixels) = ReadPgm(await File.ReadAllBytesAsync(Path.Combine(folder.FullName, "page.pgm")));
            var reader = new BarcodeReaderGeneric
            {
                Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.CODE_128], TryHarder = true },
            };
            return reader.Decode(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8))?.Text;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The PDF's text, its layout kept.</summary>
    public static async Task<string> TextAsync(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("omni-pdf-");
        try
        {
            var input = Path.Combine(folder.FullName, "page.pdf");
            await File.WriteAllBytesAsync(input, pdf);
            await RunAsync("pdftotext", "-layout", input, Path.Combine(folder.FullName, "page.txt"));
            return await File.ReadAllTextAsync(Path.Combine(folder.FullName, "page.txt"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A binary PGM (P5, 8-bit): its header, then one byte per pixel.</summary>
    private static (int Width, int Height, byte[] Pixels) ReadPgm(byte[] pgm)
    {
        var position = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)pgm[position]) || pgm[position] == '#')
                if (pgm[position] == '#')
                    while (pgm[position++] != '\n') { }
                else
                    position++;
            var start = position;
            while (!char.IsWhiteSpace((char)pgm[position]))
                position++;
            return System.Text.Encoding.ASCII.GetString(pgm, start, position - start);
        }
        Assert.Equal("P5", Token());
        var (width, height, max) = (int.Parse(Token()), int.Parse(Token()), int.Parse(Token()));
        Assert.Equal(255, max);
        position++; // the one whitespace after the header
        return (width, height, pgm[position..(position + width * height)]);
    }

    private static async Task RunAsync(string tool, params string[] arguments)
    {
        await EnsureInstalledAsync();
        var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
    }

    private static async Task EnsureInstalledAsync()
    {
        await Install.WaitAsync();
        try
        {
            await DebianPackages.EnsureAsync("poppler-utils", "/usr/bin/pdftoppm", "renders the receipts in the PUP-1 tests");
        }
        finally
        {
            Install.Release();
        }
    }
}
