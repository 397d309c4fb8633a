using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.InventoryAllocation.Features.Waybills;

public enum WaybillStatus { Open, Shipped }

/// <summary>An allocated line on the waybill: what must be scanned (its UPC) and how many were.</summary>
public sealed record WaybillLine(int LineId, string Sku, string Upc, int Quantity, int Scanned = 0);

/// <summary>INV-5: a carrier's waybill for an order's allocated lines; every unit is scanned out before it ships.</summary>
public sealed record Waybill(string Id, string Carrier, string Number, Guid OrderId, string ConfirmationNumber, WaybillStatus Status,
    IReadOnlyList<WaybillLine> Lines, DateTimeOffset RegisteredAt, DateTimeOffset? ShippedAt = null)
{
    public static string IdFor(string carrier, string number) => $"{carrier}-{number}".ToUpperInvariant();

    public bool FullyScanned => Lines.All(l => l.Scanned == l.Quantity);
}

/// <summary>INV-5, pure: a scanned barcode against the waybill. A SKU not on it, or one more than it carries, is refused.</summary>
public static class WaybillScan
{
    public static (Waybill? After, Refusal? Refusal) Scan(Waybill waybill, string upc, DateTimeOffset now)
    {
        if (waybill.Status == WaybillStatus.Shipped)
            return (null, Refusal.Conflict("waybill.shipped", $"Waybill {waybill.Number} has shipped: nothing more is scanned on it."));
        var lines = waybill.Lines.Where(l => l.Upc == upc).ToList();
        if (lines.Count == 0)
            return (null, Refusal.Conflict("waybill.wrong_sku", $"UPC {upc} is not on waybill {waybill.Number}."));
        if (lines.FirstOrDefault(l => l.Scanned < l.Quantity) is not { } line)
            return (null, Refusal.Conflict("waybill.over_scanned", $"Every unit of UPC {upc} on waybill {waybill.Number} was scanned already."));
        var after = waybill with { Lines = waybill.Lines.Select(l => l == line ? l with { Scanned = l.Scanned + 1 } : l).ToList() };
        return (after.FullyScanned ? after with { Status = WaybillStatus.Shipped, ShippedAt = now } : after, null);
    }
}
