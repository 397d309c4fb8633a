using System.Net;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.IntegrationTests.Platform;

/// <summary>Each service answers a first read of its own sample data through the gateway, as a new user tries it.</summary>
[Collection(PlatformCollection.Name)]
public class GatewayRoutesTests(PlatformFixture platform)
{
    private HttpClient Gateway => platform.As(Principal.HoustonTerminal);

    [Fact]
    public async Task Gateway_is_ready_only_with_every_service_ready()
    {
        using var response = await platform.Gateway.GetAsync("/health/ready"); // a probe carries no token
        var health = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var service in new[] { "order", "inventory", "payment", "pickup", "pricing" })
            Assert.Equal("Healthy", health.GetProperty("entries").GetProperty($"service:{service}").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Inventory_lists_products_and_stock_per_location()
    {
        var products = await Gateway.GetFromJsonElementAsync("/api/inventory/products");
        Assert.True(products.GetArrayLength() >= 10);

        var shoe = await Gateway.GetFromJsonElementAsync("/api/inventory/products/81120");
        Assert.Equal("012345678905", shoe.GetProperty("upc").GetString());
        Assert.Equal("TR-W-08", shoe.GetProperty("vendorPartNumber").GetString());

        var houston = await Gateway.GetFromJsonElementAsync("/api/inventory/locations/HOUSTON/stock");
        var shoes = houston.EnumerateArray().Single(s => s.GetProperty("sku").GetString() == "81120");
        Assert.Equal(12, shoes.GetProperty("available").GetInt32());

        var group = await Gateway.GetFromJsonElementAsync("/api/inventory/fulfillment-groups/US-STORES");
        var dc = group.GetProperty("locations").EnumerateArray().Single(l => l.GetProperty("locationId").GetString() == "CENTRAL-DC");
        Assert.False(dc.GetProperty("pickup").GetBoolean());
        Assert.True(dc.GetProperty("shipping").GetBoolean());
    }

    [Fact]
    public async Task PRC1_price_check_answers_the_store_price()
    {
        var price = await Gateway.GetFromJsonElementAsync("/api/pricing/stores/HOUSTON/prices/82001");

        Assert.Equal(189.00m, price.GetProperty("price").GetDecimal());
        Assert.Equal("USD", price.GetProperty("currency").GetString());
        Assert.Equal("RETAIL-US", price.GetProperty("priceGroup").GetString());
    }

    [Fact]
    public async Task Pickup_lists_the_requests_of_a_store()
    {
        var stores = await Gateway.GetFromJsonElementAsync("/api/pickups/stores");
        Assert.Equal(["HOUSTON", "SEATTLE"], stores.EnumerateArray().Select(s => s.GetProperty("storeId").GetString()).Order());

        using var response = await Gateway.GetAsync("/api/pickups/stores/HOUSTON/requests");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await response.ReadJsonAsync()).ValueKind);
    }

    [Fact]
    public async Task PAY2_payments_list_the_card_tenders_accepted()
    {
        var tenders = await Gateway.GetFromJsonElementAsync("/api/payments/tender-types");
        var card = tenders.EnumerateArray().Single(t => t.GetProperty("tenderTypeId").GetString() == "CARD");

        Assert.Contains("VISA", card.GetProperty("cardTypes").EnumerateArray().Select(c => c.GetProperty("cardTypeId").GetString()));
        Assert.Contains(card.GetProperty("connectors").EnumerateArray(), c => c.GetProperty("cardPresent").GetBoolean());
    }

    [Fact]
    public async Task Orders_know_the_sample_customers_and_answer_404_for_an_unknown_order()
    {
        var karen = await Gateway.GetFromJsonElementAsync("/api/orders/customers/2001");
        Assert.Equal("karen.berg@example.com", karen.GetProperty("email").GetString());
        Assert.Equal("Business", (await Gateway.GetFromJsonElementAsync("/api/orders/customers/3001")).GetProperty("type").GetString());

        await Problems.AssertAsync(await Gateway.GetAsync("/api/orders/HOU-0000001"), HttpStatusCode.NotFound, "order.not_found");
    }

    [Fact]
    public async Task A_customers_personal_data_is_not_for_a_storefront_or_a_merchandiser()
    {
        foreach (var principal in new[] { Principal.Storefront, Principal.Merchandiser })
            await Problems.AssertAsync(await platform.As(principal).GetAsync("/api/orders/customers/2001"), HttpStatusCode.Forbidden, "auth.forbidden");
        await Problems.AssertAsync(await platform.Gateway.GetAsync("/api/orders/customers/2001"), HttpStatusCode.Unauthorized, "auth.token_missing");
        Assert.Equal("karen.berg@example.com",
            (await platform.As(Principal.Operator).GetFromJsonElementAsync("/api/orders/customers/2001")).GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("/api/inventory/products/NOPE", "product.not_found")]
    [InlineData("/api/inventory/locations/NOWHERE/stock", "location.not_found")]
    [InlineData("/api/pricing/stores/NOWHERE/prices/81120", "store.not_found")]
    [InlineData("/api/pickups/stores/CENTRAL-DC/requests", "store.not_found")]
    [InlineData("/api/orders/customers/9999", "customer.not_found")]
    public async Task Unknown_things_are_problem_details_with_a_stable_code(string path, string code) =>
        await Problems.AssertAsync(await Gateway.GetAsync(path), HttpStatusCode.NotFound, code);

    [Theory]
    [InlineData("orders")]
    [InlineData("inventory")]
    [InlineData("payments")]
    [InlineData("pickups")]
    [InlineData("pricing")]
    public async Task Each_service_OpenAPI_document_is_reachable_through_the_gateway(string service)
    {
        var document = await platform.Gateway.GetFromJsonElementAsync($"/openapi/{service}/v1.json"); // public: it describes, holds no data

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        Assert.Contains(document.GetProperty("paths").EnumerateObject(), p => p.Name.StartsWith($"/api/{service}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_correlation_id_travels_through_the_gateway_to_the_service_and_back()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders/NOPE");
        request.Headers.Add("X-Correlation-Id", "terminal-7-tx-42");
        using var response = await Gateway.SendAsync(request);

        Assert.Equal("terminal-7-tx-42", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
        Assert.Equal("terminal-7-tx-42", (await response.ReadJsonAsync()).GetProperty("correlationId").GetString());
    }
}
