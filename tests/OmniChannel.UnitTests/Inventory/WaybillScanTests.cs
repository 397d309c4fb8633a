using OmniChannel.InventoryAllocation.Features.Waybills;

namespace OmniChannel.UnitTests.Inventory;

/// <summary>INV-5: every outbound unit is scanned against the waybill; a wrong SKU or one too many is refused; the last one ships it.</summary>
public class WaybillScanTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    private static readonly Waybill Open = new("UPS-1Z999", "UPS", "1Z999", Guid.NewGuid(), "HOU-AAAAA-BBBBB", WaybillStatus.Open,
        [new WaybillLine(1, "81120", "081120000001", 2), new WaybillLine(2, "86002", "086002000001", 1)], Now);

    [Fact]
    public void INV5_a_wrong_sku_or_one_too_many_is_refused_and_the_last_unit_ships_the_waybill()
    {
        Assert.Equal("waybill.wrong_sku", WaybillScan.Scan(Open, "099999999999", Now).Refusal?.Code);

        var waybill = Open;
        foreach (var upc in new[] { "081120000001", "086002000001" })
            waybill = WaybillScan.Scan(waybill, upc, Now).After!;
        Assert.Equal(WaybillStatus.Open, waybill.Status);
        Assert.Equal("waybill.over_scanned", WaybillScan.Scan(waybill, "086002000001", Now).Refusal?.Code);

        var shipped = WaybillScan.Scan(waybill, "081120000001", Now).After!;
        Assert.Equal((WaybillStatus.Shipped, Now, true), (shipped.Status, shipped.ShippedAt, shipped.FullyScanned));
        Assert.Equal("waybill.shipped", WaybillScan.Scan(shipped, "081120000001", Now).Refusal?.Code);
    }
}
