using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.IntegrationTests.Orders;
using static OmniChannel.IntegrationTests.Orders.OrderApi;

namespace OmniChannel.IntegrationTests.Inventory;

/// <summary>INV-7 through the gateway: the last units of a SKU go to as many orders as they cover, never more.</summary>
[Collection(PlatformCollection.Name)]
public class ReservationConcurrencyTests(PlatformFixture platform)
{
    private readonly OrderApi orders = new(platform);

    [Fact]
    public async Task INV7_fifty_orders_at_once_for_the_last_ten_units_confirm_exactly_ten()
    {
        var sku = await orders.NewProductAsync(5.00m, "HOUSTON", onHand: 10);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(_ => orders.PlaceAsync(Order("2001", "tok_visa_ok", PickupLine(sku, 1, "HOUSTON")))));
        var ends = await Task.WhenAll(numbers.Select(number => orders.EndStateAsync(number, TimeSpan.FromMinutes(3))));

        var statuses = ends.Select(o => (Status: o.GetProperty("status").GetString(), Code: o.TryGetProperty("rejectionCode", out var c) ? c.GetString() : null)).ToList();
        Assert.Equal(10, statuses.Count(s => s.Status == "Confirmed"));
        Assert.Equal(40, statuses.Count(s => s is { Status: "Rejected", Code: "stock.insufficient" }));
        Assert.Equal((10, 10), await orders.StockAsync("HOUSTON", sku));

        // The level's stream explains it: the count, then ten reservations, nothing more.
        var history = await platform.As(Principal.HoustonCashier).GetFromJsonElementAsync($"/api/inventory/locations/HOUSTON/stock/{sku}/history");
        Assert.Equal(["opened", "counted", .. Enumerable.Repeat("reserved", 10)], history.EnumerateArray().Select(e => e.GetProperty("reason").GetString()));
        Assert.Equal(10, history[history.GetArrayLength() - 1].GetProperty("reserved").GetInt32());
    }
}
