using System.Net;
using System.Net.Http.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using static OmniChannel.IntegrationTests.Fulfillment.FulfillmentApi;
using static OmniChannel.IntegrationTests.Orders.OrderApi;
using static OmniChannel.IntegrationTests.Payments.PaymentApi;

namespace OmniChannel.IntegrationTests.Fulfillment;

/// <summary>
/// PUP-5 at SEATTLE's counter: a pickup the store cannot serve is declared not possible with a reason; the order's lines
/// are rejected and the customer is not charged for them (the authorization voided, the deposit refunded in full), and the
/// reservation goes back to Inventory (the stock sellable again).
/// </summary>
[Collection(PlatformCollection.Name)]
public class PUP5NotPossibleTests(PlatformFixture platform)
{
    private readonly FulfillmentApi api = new(platform);

    private HttpClient Seattle => platform.As(Principal.SeattleCashier);

    [Fact]
    public async Task PUP5_a_pickup_declared_not_possible_ends_its_order_without_a_charge_and_its_stock_is_sellable()
    {
        var sku = await api.Orders.NewProductAsync(50.00m, "SEATTLE", onHand: 3);
        var order = await api.ConfirmedAsync(Store("tok_visa_ok", null, PickupLine(sku, 2, "SEATTLE")));
        await api.StockAsync("SEATTLE", sku, (3, 2));
        var pickup = await api.PickupAsync(order, "SEATTLE");
        var path = $"/api/pickups/{pickup.GetProperty("id").GetGuid()}/not-possible";

        await Problems.AssertAsync(await Seattle.PostAsJsonAsync(path, new { reason = "" }), HttpStatusCode.BadRequest, "pickup.reason_required");
        await Problems.AssertAsync(await Seattle.PostAsJsonAsync(path, new { reason = new string('x', 501) }), HttpStatusCode.BadRequest,
            "pickup.reason_required");
        await Problems.AssertAsync(await platform.As(Principal.HoustonCashier).PostAsJsonAsync(path, new { reason = "water damage" }),
            HttpStatusCode.Forbidden, "auth.other_store");
        Assert.Equal("Requested", (await api.PickupByIdAsync(pickup)).GetProperty("status").GetString()); // the refusals changed nothing

        using (var refused = await Seattle.PostAsJsonAsync(path, new { reason = "water damage in the stockroom", outOfStock = false }))
        {
            Assert.True(refused.StatusCode == HttpStatusCode.OK, await refused.Content.ReadAsStringAsync());
            var body = await refused.ReadJsonAsync();
            Assert.Equal(("NotPossible", "water damage in the stockroom"),
                (body.GetProperty("status").GetString(), body.GetProperty("notPossibleReason").GetString()));
        }
        await Problems.AssertAsync(await Seattle.PostAsJsonAsync(path, new { reason = "again" }), HttpStatusCode.Conflict, "pickup.closed");
        var history = (await Seattle.GetFromJsonElementAsync($"/api/pickups/{pickup.GetProperty("id").GetGuid()}/history")).EnumerateArray()
            .Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(1, history.Count(t => t == "pickup_not_possible"));

        order = await api.StatusAsync(order, "Cancelled");
        var cancellation = order.GetProperty("cancellation");
        Assert.Equal((20.00m, 0m), (cancellation.GetProperty("refunded").GetDecimal(), cancellation.GetProperty("retained").GetDecimal()));
        var ledger = await api.Payments.LedgerAsync(OrderId(order));
        Assert.Equal((80.00m, 20.00m, 0m), (Total(ledger, "voided"), Total(ledger, "refunded"), Total(ledger, "openAuthorizations")));
        await api.StockAsync("SEATTLE", sku, (3, 0));
    }
}
