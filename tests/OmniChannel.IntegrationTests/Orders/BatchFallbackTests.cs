using System.Net.Http.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using static OmniChannel.IntegrationTests.Orders.OrderApi;

namespace OmniChannel.IntegrationTests.Orders;

/// <summary>ORD-9: with the real-time path failing, terminals still get confirmation numbers and the sync job creates the orders.</summary>
[Collection(PlatformCollection.Name)]
public class BatchFallbackTests(PlatformFixture platform)
{
    private readonly OrderApi orders = new(platform.Gateway);

    [Fact]
    public async Task ORD9_when_the_real_time_path_fails_the_order_sync_job_creates_every_order_once()
    {
        var sku = await orders.NewProductAsync(20.00m, "HOUSTON", onHand: 50);
        await SetDrillAsync(failing: true);
        try
        {
            var numbers = new List<string>();
            for (var i = 0; i < 10; i++)
                numbers.Add(await orders.PlaceAsync(Order("2001", "tok_visa_ok", PickupLine(sku, 1, "HOUSTON"))));

            // Recallable at once by confirmation number, before the order exists.
            Assert.Equal("Pending", (await orders.GetAsync(numbers[0])).GetProperty("status").GetString());

            foreach (var number in numbers)
            {
                var order = await orders.EndStateAsync(number);
                Assert.Equal("Confirmed", order.GetProperty("status").GetString());
                var created = order.GetProperty("history").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "order_created");
                Assert.Equal("Batch", created.GetProperty("data").GetProperty("createdVia").GetString());
            }
            Assert.Equal((50, 10), await orders.StockAsync("HOUSTON", sku));
        }
        finally
        {
            await SetDrillAsync(failing: false);
        }
    }

    private async Task SetDrillAsync(bool failing)
    {
        using var response = await platform.Gateway.PutAsJsonAsync("/api/orders/operations/real-time-drill", new { failing });
        response.EnsureSuccessStatusCode();
    }
}
