using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.IntegrationTests.Platform;

/// <summary>
/// A product registered in Inventory-Allocation reaches Pricing over RabbitMQ (ProductRegistered, through the
/// Marten outbox): a message from one service process to another over the real broker.
/// </summary>
[Collection(PlatformCollection.Name)]
public class ProductMessagingTests(PlatformFixture platform)
{
    private HttpClient Gateway => platform.As(Principal.Merchandiser);

    [Fact]
    public async Task A_registered_product_becomes_price_checkable_and_a_price_change_follows()
    {
        var sku = $"T{Random.Shared.Next(100000, 999999)}";
        using (var created = await Gateway.PostAsJsonAsync("/api/inventory/products", Lantern(sku, 34.90m)))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(34.90m, (await PriceOnceKnown(sku, 34.90m)).GetProperty("price").GetDecimal());

        using (var changed = await Gateway.PostAsJsonAsync("/api/inventory/products", Lantern(sku, 29.90m)))
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(29.90m, (await PriceOnceKnown(sku, 29.90m)).GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_stable_code_and_stores_nothing()
    {
        var sku = $"B{Random.Shared.Next(100000, 999999)}";
        using var response = await Gateway.PostAsJsonAsync("/api/inventory/products",
            new { sku, name = "Bad", upc = "012345678906", vendorPartNumber = "X", basePrice = 1m, currency = "USD" });

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, "product.upc_invalid");
        await Problems.AssertAsync(await Gateway.GetAsync($"/api/inventory/products/{sku}"), HttpStatusCode.NotFound, "product.not_found");
    }

    private static object Lantern(string sku, decimal price) => new
    {
        sku, name = "Test lantern", upc = Gtin.UpcFor('7', sku), vendorPartNumber = $"VPN-{sku}", basePrice = price, currency = "USD",
        discountable = true,
    };

    private Task<JsonElement> PriceOnceKnown(string sku, decimal expected) =>
        Poll.UntilValueAsync<JsonElement>(async () =>
        {
            using var response = await Gateway.GetAsync($"/api/pricing/stores/SEATTLE/prices/{sku}");
            if (!response.IsSuccessStatusCode)
                return null;
            var price = await response.ReadJsonAsync();
            return price.GetProperty("price").GetDecimal() == expected ? price : null;
        }, TimeSpan.FromSeconds(20), $"Pricing to learn {sku} at {expected}");
}
