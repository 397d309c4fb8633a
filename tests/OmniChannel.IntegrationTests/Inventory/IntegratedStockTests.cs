using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.IntegrationTests.Orders;

namespace OmniChannel.IntegrationTests.Inventory;

/// <summary>INV-1 through the gateway: a SKU's stock per warehouse and across all, moved by a transfer order.</summary>
[Collection(PlatformCollection.Name)]
public class IntegratedStockTests(PlatformFixture platform)
{
    private readonly OrderApi orders = new(platform);
    private readonly HttpClient operatorClient = platform.As(Principal.Operator);
    private readonly HttpClient cashier = platform.As(Principal.HoustonCashier);

    private async Task<(int OnHand, int Available, int Reserved, int ScheduledOutbound, int InTransit)> FiguresAsync(string sku, string? location = null)
    {
        var view = await cashier.GetFromJsonElementAsync($"/api/inventory/products/{sku}/integrated-stock");
        var stock = location is null
            ? view.GetProperty("total")
            : view.GetProperty("warehouses").EnumerateArray().Single(w => w.GetProperty("locationId").GetString() == location).GetProperty("stock");
        int Of(string name) => stock.GetProperty(name).GetInt32();
        return (Of("onHand"), Of("available"), Of("reserved"), Of("scheduledOutbound"), Of("inTransit"));
    }

    [Fact]
    public async Task INV1_a_transfer_is_scheduled_outbound_then_in_transit_then_on_hand_at_the_receiver()
    {
        var sku = await orders.NewProductAsync(12.00m, "HOUSTON", onHand: 10);
        await orders.PlaceAsync(OrderApi.Order("2001", "tok_visa_ok", OrderApi.PickupLine(sku, 3, "HOUSTON")));
        await Poll.UntilAsync(async () => (await FiguresAsync(sku)).Reserved == 3, TimeSpan.FromSeconds(60), "the pickup line's reservation");
        var number = $"TR-{Guid.NewGuid():N}"[..20];
        var transfer = new { number, fromLocationId = "HOUSTON", toLocationId = "SEATTLE", lines = new[] { new { sku, quantity = 4 } } };

        using (var created = await operatorClient.PostAsJsonAsync("/api/inventory/transfers", transfer))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using (var again = await operatorClient.PostAsJsonAsync("/api/inventory/transfers", transfer))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the same transfer again is a replay
        Assert.Equal((10, 3, 3, 4, 0), await FiguresAsync(sku, "HOUSTON"));

        using (var shipped = await operatorClient.PostAsync($"/api/inventory/transfers/{number}/shipment", null))
            Assert.Equal(HttpStatusCode.OK, shipped.StatusCode);
        Assert.Equal((6, 3, 3, 0, 0), await FiguresAsync(sku, "HOUSTON"));
        Assert.Equal((0, 0, 0, 0, 4), await FiguresAsync(sku, "SEATTLE"));
        Assert.Equal((6, 3, 3, 0, 4), await FiguresAsync(sku)); // across all: four units on the road

        using (var received = await operatorClient.PostAsync($"/api/inventory/transfers/{number}/receipt", null))
            Assert.Equal("Received", (await received.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal((4, 4, 0, 0, 0), await FiguresAsync(sku, "SEATTLE"));
        Assert.Equal((10, 7, 3, 0, 0), await FiguresAsync(sku));

        var reasons = (await cashier.GetFromJsonElementAsync($"/api/inventory/locations/SEATTLE/stock/{sku}/history"))
            .EnumerateArray().Select(e => e.GetProperty("reason").GetString());
        Assert.Equal(["opened", "in_transit", "transferred_in"], reasons);
    }

    [Fact]
    public async Task INV1_a_transfer_the_sender_cannot_make_or_a_step_out_of_order_is_refused_with_a_code()
    {
        var sku = await orders.NewProductAsync(12.00m, "HOUSTON", onHand: 2);
        var number = $"TR-{Guid.NewGuid():N}"[..20];
        object Transfer(int quantity, string to = "SEATTLE") => new { number, fromLocationId = "HOUSTON", toLocationId = to, lines = new[] { new { sku, quantity } } };

        await Problems.AssertAsync(await operatorClient.PostAsJsonAsync("/api/inventory/transfers", Transfer(3)), HttpStatusCode.Conflict, "stock.insufficient");
        await Problems.AssertAsync(await operatorClient.PostAsJsonAsync("/api/inventory/transfers", Transfer(1, "HOUSTON")), HttpStatusCode.BadRequest, "transfer.locations_invalid");
        await Problems.AssertAsync(await operatorClient.PostAsJsonAsync("/api/inventory/transfers", Transfer(1, "NOWHERE")), HttpStatusCode.BadRequest, "location.not_found");
        await Problems.AssertAsync(await cashier.PostAsJsonAsync("/api/inventory/transfers", Transfer(1)), HttpStatusCode.Forbidden, "auth.forbidden");

        using (var created = await operatorClient.PostAsJsonAsync("/api/inventory/transfers", Transfer(2)))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await Problems.AssertAsync(await operatorClient.PostAsJsonAsync("/api/inventory/transfers", Transfer(1)), HttpStatusCode.Conflict, "transfer.number_taken");
        await Problems.AssertAsync(await operatorClient.PostAsync($"/api/inventory/transfers/{number}/receipt", null), HttpStatusCode.Conflict, "transfer.not_shipped");
        await Problems.AssertAsync(await operatorClient.PostAsync("/api/inventory/transfers/NO-SUCH/shipment", null), HttpStatusCode.NotFound, "transfer.not_found");
        // A count cannot take what the transfer was promised.
        await Problems.AssertAsync(await platform.As(Principal.Merchandiser).PutAsJsonAsync($"/api/inventory/locations/HOUSTON/stock/{sku}", new { onHand = 1 }),
            HttpStatusCode.Conflict, "stock.below_reserved");
    }
}
