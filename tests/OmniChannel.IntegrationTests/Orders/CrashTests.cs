using System.Diagnostics;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using static OmniChannel.IntegrationTests.Orders.OrderApi;

namespace OmniChannel.IntegrationTests.Orders;

/// <summary>
/// Nothing accepted is lost, nothing is done twice: a service killed with SIGKILL while orders are in flight is
/// started again as an operator does it (the dashboard's Start command; Aspire does not restart an exited process),
/// and every order still reaches its end state with stock and deposits counted exactly once.
/// </summary>
[Collection(PlatformCollection.Name)]
public class CrashTests(PlatformFixture platform)
{
    private const int Orders = 30;
    private readonly OrderApi orders = new(platform);

    [Theory]
    [InlineData("order")]
    [InlineData("order-worker")]
    [InlineData("inventory")]
    [InlineData("payment")]
    [InlineData("pickup")]
    [InlineData("pricing")]
    public async Task Every_order_reaches_its_end_state_exactly_once_after_a_kill_9(string service)
    {
        var sku = await orders.NewProductAsync(10.00m, "HOUSTON", onHand: 1000);
        var pid = platform.Platform.ServiceProcessId(service);

        var placing = Enumerable.Range(0, Orders).Select(async i =>
        {
            // Every third order is declined: compensation must survive the crash too.
            var card = i % 3 == 0 ? "decline_do_not_honor" : "tok_visa_ok";
            var key = Guid.NewGuid().ToString("N"); // a terminal retries with the same transaction id
            var deadline = DateTime.UtcNow.AddSeconds(90); // as long as the start below may take, however loaded the machine
            while (true)
            {
                try { return await orders.PlaceAsync(Order("2001", card, PickupLine(sku, 1, "HOUSTON")), key); }
                catch (HttpRequestException) when (service == "order" && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100); // poll: the order service is coming back
                }
            }
        }).ToList();

        // Kill as soon as the first order is accepted: the others are in flight somewhere between the services.
        await Task.WhenAny(placing);
        Process.GetProcessById(pid).Kill();

        await platform.Platform.StartAgainAsync(service, pid, TimeSpan.FromSeconds(90));

        var numbers = await Task.WhenAll(placing);

        var ends = new List<JsonElement>();
        foreach (var number in numbers)
            ends.Add(await orders.EndStateAsync(number, TimeSpan.FromSeconds(120)));

        var confirmed = ends.Where(o => o.GetProperty("status").GetString() == "Confirmed").ToList();
        Assert.Equal(Orders - (Orders + 2) / 3, confirmed.Count);
        Assert.Equal((1000, confirmed.Count), await orders.StockAsync("HOUSTON", sku));
        foreach (var order in ends)
        {
            var deposit = await orders.DepositAsync(order.GetProperty("orderId").GetGuid());
            var expected = order.GetProperty("status").GetString() == "Confirmed" ? "Captured" : "Declined";
            Assert.Equal(expected, deposit!.Value.GetProperty("status").GetString());
            Assert.Equal(expected == "Captured" ? 2.00m : 0m, order.GetProperty("depositPaid").GetDecimal());
        }
    }
}
