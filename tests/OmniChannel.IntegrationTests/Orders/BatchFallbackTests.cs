using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OmniChannel.IntegrationTests.Infrastructure;
using static OmniChannel.IntegrationTests.Orders.OrderApi;

namespace OmniChannel.IntegrationTests.Orders;

/// <summary>
/// ORD-9: with the real-time path failing, terminals still get confirmation numbers and the sync job creates the orders.
/// The drill and the job are operator actions: dashboard commands, with an operator's token, never a public route.
/// </summary>
[Collection(PlatformCollection.Name)]
public class BatchFallbackTests(PlatformFixture platform)
{
    private readonly OrderApi orders = new(platform);

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
                // Created by the worker's job, but the cashier's order: the transaction kept who sent it (issue 12).
                Assert.Equal("1001", created.GetProperty("by").GetProperty("id").GetString());
            }
            Assert.Equal((50, 10), await orders.StockAsync("HOUSTON", sku));
        }
        finally
        {
            await SetDrillAsync(failing: false);
        }
    }

    [Fact]
    public async Task ORD9_the_order_sync_job_runs_now_from_its_dashboard_command_and_creates_what_waits()
    {
        var sku = await orders.NewProductAsync(20.00m, "HOUSTON", onHand: 10);
        await SetDrillAsync(failing: true);
        try
        {
            var number = await orders.PlaceAsync(Order("2001", "tok_visa_ok", PickupLine(sku, 1, "HOUSTON")));

            // At once, not after the job's grace period and interval: the operator's run takes whatever waits.
            var run = await platform.Platform.ExecuteCommandAsync("order-worker", "order-sync");
            Assert.True(run.Success, run.Message);
            var counts = Regex.Match(run.Message!, @"^Created (\d+) order\(s\) of (\d+) waiting\.$");
            Assert.True(counts.Success, run.Message);
            Assert.InRange(int.Parse(counts.Groups[1].Value), 1, int.Parse(counts.Groups[2].Value));
            Assert.NotEqual("Pending", (await orders.GetAsync(number)).GetProperty("status").GetString());
            Assert.Equal("Confirmed", (await orders.EndStateAsync(number)).GetProperty("status").GetString());
        }
        finally
        {
            await SetDrillAsync(failing: false);
        }
    }

    [Fact]
    public async Task The_drill_has_no_public_route_and_the_operator_route_wants_an_operator_token()
    {
        using (var gateway = await platform.As(Principal.Operator).PutAsJsonAsync("/api/orders/operations/real-time-drill", new { failing = true }))
            Assert.Equal(HttpStatusCode.NotFound, gateway.StatusCode);
        using var direct = new HttpClient { BaseAddress = platform.Platform.Endpoint("order") };
        await Problems.AssertAsync(await direct.PutAsJsonAsync("/operations/real-time-drill", new { failing = true }),
            HttpStatusCode.Unauthorized, "auth.token_missing");
        var request = new HttpRequestMessage(HttpMethod.Post, "/operations/order-sync");
        await Problems.AssertAsync(await platform.As(Principal.HoustonManager, "order-worker").SendAsync(request), HttpStatusCode.Forbidden, "auth.forbidden");
    }

    /// <summary>The dashboard's "Real-time failure drill" command on the order resource, as an operator runs it.</summary>
    private async Task SetDrillAsync(bool failing)
    {
        var result = await platform.Platform.ExecuteCommandAsync("order", "real-time-drill", ("failing", failing ? "true" : "false"));
        Assert.True(result.Success, result.Message);
        Assert.StartsWith(failing ? "Drill on" : "Drill off", result.Message);
    }
}
