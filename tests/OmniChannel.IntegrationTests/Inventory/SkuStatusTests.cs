using System.Net;
using System.Net.Http.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.IntegrationTests.Orders;

namespace OmniChannel.IntegrationTests.Inventory;

/// <summary>INV-2 through the gateway: a merchandiser sets a SKU's flags; a storefront that polls reads them after its cursor.</summary>
[Collection(PlatformCollection.Name)]
public class SkuStatusTests(PlatformFixture platform)
{
    private readonly OrderApi orders = new(platform);
    private readonly HttpClient merchandiser = platform.As(Principal.Merchandiser);
    private readonly HttpClient storefront = platform.As(Principal.Storefront);

    [Fact]
    public async Task INV2_forced_sold_out_and_limited_stock_reach_the_pull_feed_after_the_storefronts_cursor()
    {
        var soldOut = await orders.NewProductAsync(9.00m, "HOUSTON", onHand: 12);
        var limited = await orders.NewProductAsync(9.00m, "HOUSTON", onHand: 12);
        var cursor = (await storefront.GetFromJsonElementAsync("/api/inventory/sku-status-feed?since=0&limit=500")).GetProperty("next").GetInt64();
        while ((await storefront.GetFromJsonElementAsync($"/api/inventory/sku-status-feed?since={cursor}&limit=500")).GetProperty("next").GetInt64() is var next && next != cursor)
            cursor = next; // to the end of what other tests wrote

        using (var set = await merchandiser.PutAsJsonAsync($"/api/inventory/products/{soldOut}/status", new { forcedSoldOut = true }))
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        using (var set = await merchandiser.PutAsJsonAsync($"/api/inventory/products/{limited}/status",
                   new { limitedStock = true, limitedStockQuantity = 5, reorder = "DoNotReorder", reorderDecidedOn = "2026-12-01" }))
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var page = await storefront.GetFromJsonElementAsync($"/api/inventory/sku-status-feed?since={cursor}&limit=500");
        var mine = page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("sku").GetString() is var s && (s == soldOut || s == limited))
            .ToDictionary(i => i.GetProperty("sku").GetString()!);
        Assert.Equal(0, mine[soldOut].GetProperty("onlineAvailable").GetInt32());
        Assert.Equal(5, mine[limited].GetProperty("onlineAvailable").GetInt32());
        Assert.True(mine[limited].GetProperty("cursor").GetInt64() > mine[soldOut].GetProperty("cursor").GetInt64());
        var after = page.GetProperty("next").GetInt64();
        Assert.DoesNotContain((await storefront.GetFromJsonElementAsync($"/api/inventory/sku-status-feed?since={after}")).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("sku").GetString() == soldOut); // read once
        Assert.True((await storefront.GetFromJsonElementAsync($"/api/inventory/products/{soldOut}")).GetProperty("status").GetProperty("forcedSoldOut").GetBoolean());
    }

    [Fact]
    public async Task INV2_only_a_merchandiser_sets_flags_and_broken_flags_are_refused_with_a_code()
    {
        await Problems.AssertAsync(await storefront.PutAsJsonAsync("/api/inventory/products/81120/status", new { forcedSoldOut = true }),
            HttpStatusCode.Forbidden, "auth.forbidden");
        await Problems.AssertAsync(await merchandiser.PutAsJsonAsync("/api/inventory/products/81120/status", new { discontinued = true }),
            HttpStatusCode.BadRequest, "status.discontinued_on_required");
        await Problems.AssertAsync(await merchandiser.PutAsJsonAsync("/api/inventory/products/NO-SUCH/status", new { forcedSoldOut = false }),
            HttpStatusCode.NotFound, "product.not_found");
        await Problems.AssertAsync(await storefront.GetAsync("/api/inventory/sku-status-feed?since=-1"), HttpStatusCode.BadRequest, "feed.since_invalid");
    }
}
