using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.IntegrationTests.Orders;

namespace OmniChannel.IntegrationTests.Inventory;

/// <summary>INV-5 through the gateway: a waybill for an allocated order, scanned out; the shipment leaves and the order invoices and captures it.</summary>
[Collection(PlatformCollection.Name)]
public class WaybillTests(PlatformFixture platform)
{
    private const string Dc = "CENTRAL-DC";
    private readonly OrderApi orders = new(platform);
    private readonly HttpClient operatorClient = platform.As(Principal.Operator);

    private Task<HttpResponseMessage> ScanAsync(string number, string upc) =>
        operatorClient.PostAsJsonAsync($"/api/inventory/waybills/UPS/{number}/scans", new { upc });

    [Fact]
    public async Task INV5_a_wrong_sku_is_refused_and_when_every_unit_is_scanned_the_stock_leaves_and_the_shipped_lines_are_invoiced_and_captured()
    {
        var (sku, other) = (await orders.NewProductAsync(30.00m, Dc, onHand: 2), await orders.NewProductAsync(4.00m, Dc, onHand: 1));
        var confirmation = await orders.PlaceAsync(OrderApi.Order("2001", "tok_visa_ok", OrderApi.ShipLine(sku, 2)));
        var orderId = (await orders.EndStateAsync(confirmation)).GetProperty("orderId").GetGuid();
        var number = $"1Z{Random.Shared.Next(10_000_000, 99_999_999)}";

        // Not allocated yet: nothing to put on a waybill.
        await Problems.AssertAsync(await operatorClient.PostAsJsonAsync("/api/inventory/waybills", new { carrier = "UPS", number, orderId }),
            HttpStatusCode.Conflict, "waybill.not_allocated");
        using (var run = await operatorClient.PostAsJsonAsync("/api/inventory/allocation-runs", new { runId = $"run-{Guid.NewGuid():N}", option = "complete", orderIds = new[] { orderId } }))
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        using (var registered = await operatorClient.PostAsJsonAsync("/api/inventory/waybills", new { carrier = "UPS", number, orderId }))
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        await Problems.AssertAsync(await ScanAsync(number, Gtin.UpcFor('8', other)), HttpStatusCode.Conflict, "waybill.wrong_sku");
        using (var first = await ScanAsync(number, Gtin.UpcFor('8', sku)))
            Assert.Equal("Open", (await first.ReadJsonAsync()).GetProperty("status").GetString());
        using (var last = await ScanAsync(number, Gtin.UpcFor('8', sku)))
            Assert.Equal("Shipped", (await last.ReadJsonAsync()).GetProperty("status").GetString());
        await Problems.AssertAsync(await ScanAsync(number, Gtin.UpcFor('8', sku)), HttpStatusCode.Conflict, "waybill.shipped");

        // The order invoices the shipped lines on the waybill and captures them; their stock leaves the warehouse.
        var order = await Poll.UntilValueAsync<JsonElement>(async () =>
        {
            var o = await orders.GetAsync(confirmation);
            return o.GetProperty("fulfillments").EnumerateArray().Any(f => f.GetProperty("paymentStatus").GetString() == "Captured") ? o : null;
        }, TimeSpan.FromSeconds(60), $"order {confirmation} to capture its shipment");
        var invoice = order.GetProperty("fulfillments").EnumerateArray().Single();
        Assert.Equal(($"invoice.UPS-{number}", 2), (invoice.GetProperty("fulfillmentId").GetString(),
            invoice.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("quantity").GetInt32())));
        Assert.Contains(order.GetProperty("status").GetString(), new[] { "Fulfilled", "Completed" });
        await Poll.UntilAsync(async () => await orders.StockAsync(Dc, sku) == (0, 0), TimeSpan.FromSeconds(30), $"{sku} to leave {Dc}");
        var figures = (await operatorClient.GetFromJsonElementAsync($"/api/inventory/products/{sku}/integrated-stock")).GetProperty("total");
        Assert.Equal(0, figures.GetProperty("allocated").GetInt32());
    }
}
