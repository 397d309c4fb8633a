using OmniChannel.InventoryAllocation.Features.Products;

namespace OmniChannel.UnitTests.Inventory;

/// <summary>INV-2: a SKU's status flags, each with its date or quantity, and what they leave available online.</summary>
public class SkuStatusTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);

    [Fact]
    public void INV2_forced_sold_out_shows_nothing_available_online_and_limited_stock_at_most_its_limit()
    {
        Assert.Equal(0, new SkuStatus(ForcedSoldOut: true).OnlineAvailable(40));
        Assert.Equal(5, new SkuStatus(LimitedStock: true, LimitedStockQuantity: 5).OnlineAvailable(40));
        Assert.Equal(3, new SkuStatus(LimitedStock: true, LimitedStockQuantity: 5).OnlineAvailable(3));
        Assert.Equal(0, new SkuStatus(ForcedSoldOut: true, LimitedStock: true, LimitedStockQuantity: 5).OnlineAvailable(40));
        Assert.Equal(40, new SkuStatus().OnlineAvailable(40));
    }

    public static readonly TheoryData<SkuStatus, string> Broken = new()
    {
        { new SkuStatus(Discontinued: true), "status.discontinued_on_required" },
        { new SkuStatus(DiscontinuedOn: Day), "status.discontinued_on_without_flag" },
        { new SkuStatus(Reorder: ReorderDecision.DoNotReorder), "status.reorder_date_required" },
        { new SkuStatus(ReorderDecidedOn: Day), "status.reorder_date_without_decision" },
        { new SkuStatus(LimitedStock: true), "status.limit_invalid" },
        { new SkuStatus(LimitedStock: true, LimitedStockQuantity: -1), "status.limit_invalid" },
        { new SkuStatus(LimitedStockQuantity: 4), "status.limit_without_flag" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void INV2_a_flag_comes_with_its_date_or_quantity_and_not_without_it(SkuStatus status, string code) =>
        Assert.Equal(code, status.Validate()?.Code);

    [Fact]
    public void INV2_complete_flags_are_accepted() =>
        Assert.Null(new SkuStatus(true, Day, true, true, ReorderDecision.DoNotReorder, Day, 0).Validate());
}
