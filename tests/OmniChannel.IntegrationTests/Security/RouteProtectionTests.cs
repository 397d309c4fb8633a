using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.IntegrationTests.Security;

/// <summary>
/// Issue 12: no write without a token, through the gateway and on each service's own port (both are reachable); a token
/// of the wrong role is refused with nothing changed. The write routes are read from the services' own OpenAPI
/// documents, so a new route is covered without being listed here.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class RouteProtectionTests(PlatformFixture platform)
{
    /// <summary>Each OpenAPI document of the gateway, and the resource whose own port serves those routes.</summary>
    private static readonly (string Document, string Resource)[] Services =
        [("orders", "order"), ("inventory", "inventory"), ("payments", "payment"), ("pickups", "pickup"), ("pricing", "pricing")];

    [Fact]
    public async Task Every_write_route_answers_401_problem_details_without_a_token_through_the_gateway_and_on_its_service_port()
    {
        var refusedWrongly = new List<string>();
        foreach (var (document, resource) in Services)
        {
            var writes = await WriteRoutesAsync(document);
            // Money moves only through the order: Payment-Token describes no write route (its tender route is the services').
            if (document == "payments")
            {
                Assert.Empty(writes);
                continue;
            }
            Assert.NotEmpty(writes);
            using var service = new HttpClient { BaseAddress = platform.Platform.Endpoint(resource) };
            foreach (var (method, path) in writes)
                foreach (var (via, client) in new[] { ("gateway", platform.Gateway), (resource, service) })
                {
                    using var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(new { }) });
                    var code = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                        ? (await response.ReadJsonAsync()).GetProperty("code").GetString()
                        : null;
                    if (response.StatusCode != HttpStatusCode.Unauthorized || code != ExpectedCode(path))
                        refusedWrongly.Add($"{method} {path} via {via}: {(int)response.StatusCode} {code}");
                }
        }
        Assert.Empty(refusedWrongly);
    }

    [Fact]
    public async Task A_cashier_cannot_count_stock_and_the_count_stays_as_it_was()
    {
        const string path = "/api/inventory/locations/HOUSTON/stock/83010";
        var before = await StockAsync();
        await Problems.AssertAsync(await platform.As(Principal.HoustonCashier).PutAsJsonAsync(path, new { onHand = 999 }),
            HttpStatusCode.Forbidden, "auth.forbidden");
        await Problems.AssertAsync(await platform.As(Principal.HoustonCashier, "inventory").PutAsJsonAsync(path, new { onHand = 999 }),
            HttpStatusCode.Forbidden, "auth.forbidden");
        Assert.Equal(before, await StockAsync());

        async Task<string> StockAsync() =>
            (await platform.As(Principal.HoustonCashier).GetFromJsonElementAsync("/api/inventory/products/83010/stock")).ToString();
    }

    [Fact]
    public async Task A_storefront_cannot_register_a_product_and_none_is_registered()
    {
        var sku = $"SF{Random.Shared.Next(100_000, 999_999)}";
        await Problems.AssertAsync(await platform.As(Principal.Storefront).PostAsJsonAsync("/api/inventory/products",
                new { sku, name = "Storefront's own lantern", upc = Gtin.UpcFor('7', sku), vendorPartNumber = $"VPN-{sku}", basePrice = 1m, currency = "USD" }),
            HttpStatusCode.Forbidden, "auth.forbidden");
        await Problems.AssertAsync(await platform.As(Principal.Merchandiser).GetAsync($"/api/inventory/products/{sku}"),
            HttpStatusCode.NotFound, "product.not_found");
    }

    [Fact]
    public async Task A_terminal_cannot_write_a_discount_and_none_is_written()
    {
        const string id = "TERMINAL-OWN-90";
        await Problems.AssertAsync(await platform.As(Principal.HoustonTerminal).PutAsJsonAsync($"/api/pricing/discounts/{id}",
                new { id, name = "Terminal's own", type = "Simple", mode = "BestPrice", priceGroups = new[] { "RETAIL-US" }, skus = new[] { "83010" }, offer = new { percentOff = 90 } }),
            HttpStatusCode.Forbidden, "auth.forbidden");
        await Problems.AssertAsync(await platform.As(Principal.Merchandiser).GetAsync($"/api/pricing/discounts/{id}"),
            HttpStatusCode.NotFound, "discount.not_found");
    }

    [Fact]
    public async Task A_merchandiser_cannot_create_an_order_nor_a_storefront_cancel_one()
    {
        var order = Orders.OrderApi.Order("2001", "tok", Orders.OrderApi.CarryOutLine("86002", 1));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(order) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        await Problems.AssertAsync(await platform.As(Principal.Merchandiser).SendAsync(request), HttpStatusCode.Forbidden, "auth.forbidden");
        await Problems.AssertAsync(await platform.As(Principal.Storefront).PostAsJsonAsync("/api/orders/HOU-0000001/cancellation", new { }),
            HttpStatusCode.Forbidden, "auth.forbidden");
    }

    /// <summary>A storefront's webhooks prove their sender by their signature, not a bearer token (docs/webhooks.md).</summary>
    private static string ExpectedCode(string path) =>
        path.StartsWith("/api/storefronts/", StringComparison.Ordinal) ? "webhook.signature_invalid" : "auth.token_missing";

    /// <summary>POST, PUT, PATCH and DELETE routes of a service's OpenAPI document (public), path parameters filled in.</summary>
    private async Task<List<(HttpMethod Method, string Path)>> WriteRoutesAsync(string document)
    {
        var openApi = await platform.Gateway.GetFromJsonElementAsync($"/openapi/{document}/v1.json");
        return openApi.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => operation.Name is "post" or "put" or "patch" or "delete")
                .Select(operation => (new HttpMethod(operation.Name.ToUpperInvariant()), PathParameter().Replace(path.Name, Guid.NewGuid().ToString()))))
            .ToList();
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();
}
