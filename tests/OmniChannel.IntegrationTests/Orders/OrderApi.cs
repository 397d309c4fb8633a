using System.Net.Http.Json;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.IntegrationTests.Orders;

/// <summary>
/// What a store terminal does with the order API, for the tests: as a HOUSTON cashier unless told otherwise; the test's
/// own products are registered by a merchandiser, whose work master data is.
/// </summary>
public sealed class OrderApi(PlatformFixture platform, Principal? principal = null)
{
    private readonly HttpClient gateway = platform.As(principal ?? Principal.HoustonCashier);
    private readonly HttpClient merchandiser = platform.As(Principal.Merchandiser);

    public static object PickupLine(string sku, int quantity, string store) =>
        new { sku, quantity, fulfillment = new { type = "pickup", storeId = store } };

    public static object CarryOutLine(string sku, int quantity) => new { sku, quantity, fulfillment = new { type = "carryOut" } };

    public static object ShipLine(string sku, int quantity) => new
    {
        sku, quantity,
        fulfillment = new { type = "ship", modeOfDelivery = "STANDARD", address = new { line1 = "18 Westheimer Rd", city = "Houston", region = "TX", postalCode = "77006", country = "US" } },
    };

    public static object Order(string customerId, string cardToken, params object[] lines) => new
    {
        storeId = "HOUSTON", terminalId = "T1", customerId, lines,
        deposit = new { tenderTypeId = "CARD", cardTypeId = "VISA", cardToken },
    };

    public Task<HttpResponseMessage> PostAsync(string idempotencyKey, object order)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(order) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return gateway.SendAsync(request);
    }

    /// <summary>Posts an order that must be accepted; returns its confirmation number.</summary>
    public async Task<string> PlaceAsync(object order, string? idempotencyKey = null)
    {
        using var response = await PostAsync(idempotencyKey ?? Guid.NewGuid().ToString("N"), order);
        if ((int)response.StatusCode != 202)
            throw new HttpRequestException($"POST /api/orders answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync()).GetProperty("confirmationNumber").GetString()!;
    }

    public Task<JsonElement> GetAsync(string confirmationNumber) => gateway.GetFromJsonElementAsync($"/api/orders/{confirmationNumber}");

    /// <summary>Polls the order until its creation is decided: Confirmed (awaiting fulfillment), Completed (carried out in full) or Rejected.</summary>
    public Task<JsonElement> EndStateAsync(string confirmationNumber, TimeSpan? deadline = null) =>
        StatusAsync(confirmationNumber, deadline ?? TimeSpan.FromSeconds(60), "Confirmed", "Completed", "Rejected");

    /// <summary>Polls the order until it has one of these statuses.</summary>
    public Task<JsonElement> StatusAsync(string confirmationNumber, TimeSpan deadline, params string[] statuses) =>
        Poll.UntilValueAsync<JsonElement>(async () =>
        {
            var order = await GetAsync(confirmationNumber);
            return statuses.Contains(order.GetProperty("status").GetString()) ? order : null;
        }, deadline, $"order {confirmationNumber} to be {string.Join(" or ", statuses)}");

    public async Task<int> ReservedAsync(string location, string sku)
    {
        var levels = await gateway.GetFromJsonElementAsync($"/api/inventory/products/{sku}/stock");
        return levels.EnumerateArray().Single(l => l.GetProperty("locationId").GetString() == location).GetProperty("reserved").GetInt32();
    }

    public async Task<(int OnHand, int Reserved)> StockAsync(string location, string sku)
    {
        var levels = await gateway.GetFromJsonElementAsync($"/api/inventory/products/{sku}/stock");
        var level = levels.EnumerateArray().Single(l => l.GetProperty("locationId").GetString() == location);
        return (level.GetProperty("onHand").GetInt32(), level.GetProperty("reserved").GetInt32());
    }

    /// <summary>A product of the test's own, with stock at one location: tests then count stock without interference.</summary>
    public async Task<string> NewProductAsync(decimal price, string location, int onHand)
    {
        var sku = $"Z{Random.Shared.Next(100000, 999999)}";
        using (var created = await merchandiser.PostAsJsonAsync("/api/inventory/products", new
        {
            sku, name = $"Test item {sku}", upc = Gtin.UpcFor('8', sku), vendorPartNumber = $"VPN-{sku}", basePrice = price, currency = "USD", discountable = true,
        }))
            created.EnsureSuccessStatusCode();
        using (var stocked = await merchandiser.PutAsJsonAsync($"/api/inventory/locations/{location}/stock/{sku}", new { onHand }))
            stocked.EnsureSuccessStatusCode();

        // Order and Pricing learn the product over RabbitMQ: wait until both know it.
        await Poll.UntilAsync(async () => (await gateway.GetAsync($"/api/pricing/stores/HOUSTON/prices/{sku}")).IsSuccessStatusCode
                                           && (await gateway.GetAsync($"/api/orders/products/{sku}")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(20), $"Pricing and Order to know {sku}");
        return sku;
    }

    /// <summary>The Payment service's record of the deposit: an audit read, an operator's.</summary>
    public async Task<JsonElement?> DepositAsync(Guid orderId)
    {
        using var response = await platform.As(Principal.Operator).GetAsync($"/api/payments/orders/{orderId}/deposit");
        return response.IsSuccessStatusCode ? await response.ReadJsonAsync() : null;
    }
}
