using System.Net;
using System.Text.Json;
using OmniChannel.IntegrationTests.Fulfillment;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.IntegrationTests.Orders;
using static OmniChannel.IntegrationTests.Orders.OrderApi;

namespace OmniChannel.IntegrationTests.Security;

/// <summary>
/// Issue 12, messages carry who started them: each event of an order's history says whose work appended it (<c>by</c>),
/// however many services the work crossed on its way: the request's caller, carried by every message the saga and the
/// other services sent for it (the <c>omnichannel-initiator</c> header), through their outboxes.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class InitiatorTests(PlatformFixture platform)
{
    private readonly FulfillmentApi api = new(platform);

    [Fact]
    public async Task Every_event_of_an_order_a_HOUSTON_cashier_placed_is_the_cashiers_across_the_services_its_saga_crossed()
    {
        var sku = await api.Orders.NewProductAsync(30.00m, "HOUSTON", onHand: 1);

        var order = await api.ConfirmedAsync(FulfillmentApi.Store("tok_visa_ok", null, PickupLine(sku, 1, "HOUSTON")), Principal.HoustonCashier);

        var history = History(order);
        // order_created: the request's, though the order was created after it (ORD-9 real time first, in the background);
        // stock_reserved, order_priced: the saga's, on Inventory's answer to the reservation the creation asked for;
        // deposit_captured, order_confirmed: the saga's, on Payment-Token's answer to the capture the saga asked for.
        Assert.Equal(["order_created", "stock_reserved", "order_priced", "deposit_captured", "order_confirmed"],
            history.Select(e => e.Type).Where(t => t != "balance_authorized"));
        Assert.All(history, e => AssertCashier1001AtHouston(e.By, e.Type));

        // Pickup consumed the saga's RequestPickup: the request at the counter is the cashier's order too.
        var pickup = await api.PickupAsync(order, "HOUSTON");
        AssertCashier1001AtHouston(pickup.GetProperty("requestedBy"), "the pickup request");
    }

    [Fact]
    public async Task Each_step_is_whoever_asked_for_it_a_terminal_places_and_a_manager_cancels()
    {
        var sku = await api.Orders.NewProductAsync(40.00m, "HOUSTON", onHand: 1);
        var order = await api.ConfirmedAsync(FulfillmentApi.Store("tok_visa_ok", null, PickupLine(sku, 1, "HOUSTON")), Principal.HoustonTerminal);

        using (var cancelled = await api.CancelAsync(order, chargePercent: 5m)) // a charge of one's own: HOUSTON's manager
            Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        var history = History(await api.StatusAsync(order, "Cancelled"));

        var placed = history.TakeWhile(e => e.Type != "cancellation_requested").ToList();
        Assert.Contains(placed, e => e.Type == "order_confirmed");
        Assert.All(placed, e =>
        {
            Assert.Equal("terminal", e.By.GetProperty("kind").GetString());
            Assert.Equal("terminal-houston-1", e.By.GetProperty("id").GetString());
        });
        // The cancellation's events: the request's, then the saga's on Inventory's release and Payment-Token's settlement.
        var cancellation = history.SkipWhile(e => e.Type != "cancellation_requested").ToList();
        Assert.Equal("order_cancelled", cancellation.Last().Type);
        Assert.Contains(cancellation, e => e.Type == "cancellation_settled");
        Assert.All(cancellation, e =>
        {
            Assert.Equal("cashier", e.By.GetProperty("kind").GetString());
            Assert.Equal("1002", e.By.GetProperty("id").GetString());
        });
    }

    private static List<(string Type, JsonElement By)> History(JsonElement order) =>
        order.GetProperty("history").EnumerateArray()
            .Select(e => (e.GetProperty("type").GetString()!, e.TryGetProperty("by", out var by) ? by : default)).ToList();

    private static void AssertCashier1001AtHouston(JsonElement by, string what)
    {
        Assert.True(by.ValueKind == JsonValueKind.Object, $"{what} names nobody: {by}");
        Assert.Equal(("cashier", "1001", "HOUSTON", "T1"), (by.GetProperty("kind").GetString(), by.GetProperty("id").GetString(),
            by.GetProperty("storeId").GetString(), by.GetProperty("terminalId").GetString()));
    }
}
