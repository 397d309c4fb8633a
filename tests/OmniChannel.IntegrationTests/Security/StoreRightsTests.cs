using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OmniChannel.IntegrationTests.Fulfillment;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.IntegrationTests.Orders;
using static OmniChannel.IntegrationTests.Orders.OrderApi;

namespace OmniChannel.IntegrationTests.Security;

/// <summary>
/// Issue 12, rights decided on the server from the token: a terminal (or its cashier) acts for its own store only, a
/// storefront takes online orders only, and a deposit override (ORD-3) or a cancellation charge of one's own (ORD-8) is a
/// manager's. Each refusal is 403 problem details and changes nothing. (The pricing caps: Pricing/PricingGatewayTests.)
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StoreRightsTests(PlatformFixture platform)
{
    private readonly FulfillmentApi api = new(platform);

    private static object StoreOrder(string storeId, string sku, decimal? depositPercent = null) => new
    {
        storeId, terminalId = "T1", customerId = "2001", lines = new[] { PickupLine(sku, 1, storeId) },
        deposit = new { tenderTypeId = "CARD", cardTypeId = "VISA", cardToken = "tok_visa_ok", percent = depositPercent },
    };

    private Task<HttpResponseMessage> PostOrderAsync(Principal principal, object order) =>
        new OrderApi(platform, principal).PostAsync(Guid.NewGuid().ToString("N"), order);

    [Fact]
    public async Task A_terminal_creates_orders_for_its_own_store_only_and_a_storefront_online_orders_only()
    {
        var sku = await api.Orders.NewProductAsync(20.00m, "SEATTLE", onHand: 2);

        await Problems.AssertAsync(await PostOrderAsync(Principal.HoustonCashier, StoreOrder("SEATTLE", sku)), HttpStatusCode.Forbidden, "auth.other_store");
        await Problems.AssertAsync(await PostOrderAsync(Principal.HoustonTerminal, StoreOrder("SEATTLE", sku)), HttpStatusCode.Forbidden, "auth.other_store");
        await Problems.AssertAsync(await PostOrderAsync(Principal.Storefront, StoreOrder("SEATTLE", sku)), HttpStatusCode.Forbidden,
            "auth.storefront_online_only");
        await api.StockAsync("SEATTLE", sku, (2, 0)); // nothing reserved

        using var own = await PostOrderAsync(Principal.SeattleCashier, StoreOrder("SEATTLE", sku));
        Assert.Equal(HttpStatusCode.Accepted, own.StatusCode);
    }

    [Fact]
    public async Task The_terminal_an_order_is_taken_on_is_the_tokens_and_a_body_naming_another_is_refused()
    {
        var sku = await api.Orders.NewProductAsync(15.00m, "HOUSTON", onHand: 2);
        var asT2 = new
        {
            storeId = "HOUSTON", terminalId = "T2", customerId = "2001", lines = new[] { PickupLine(sku, 1, "HOUSTON") },
            deposit = new { tenderTypeId = "CARD", cardTypeId = "VISA", cardToken = "tok_visa_ok" },
        };
        await Problems.AssertAsync(await PostOrderAsync(Principal.HoustonCashier, asT2), HttpStatusCode.Forbidden, "auth.other_terminal");
        await api.StockAsync("HOUSTON", sku, (2, 0));

        var unnamed = new
        {
            storeId = "HOUSTON", customerId = "2001", lines = new[] { PickupLine(sku, 1, "HOUSTON") },
            deposit = new { tenderTypeId = "CARD", cardTypeId = "VISA", cardToken = "tok_visa_ok" },
        };
        var order = await api.ConfirmedAsync(unnamed);
        var created = order.GetProperty("history").EnumerateArray().First(e => e.GetProperty("type").GetString() == "order_created");
        Assert.Equal("T1", created.GetProperty("data").GetProperty("terminalId").GetString()); // terminal-houston-1's token says T1
    }

    [Fact]
    public async Task A_terminal_reads_its_stores_orders_and_those_picked_up_at_it_and_no_other()
    {
        var sku = await api.Orders.NewProductAsync(25.00m, "HOUSTON", onHand: 2);
        var houstonOnly = await api.ConfirmedAsync(StoreOrder("HOUSTON", sku));
        var seattleSku = await api.Orders.NewProductAsync(25.00m, "SEATTLE", onHand: 2);
        var pickedUpInSeattle = await api.ConfirmedAsync(new
        {
            storeId = "HOUSTON", terminalId = "T1", customerId = "2001", lines = new[] { PickupLine(seattleSku, 1, "SEATTLE") },
            deposit = new { tenderTypeId = "CARD", cardTypeId = "VISA", cardToken = "tok_visa_ok" },
        });

        await Problems.AssertAsync(await platform.As(Principal.SeattleCashier).GetAsync($"/api/orders/{FulfillmentApi.Number(houstonOnly)}"),
            HttpStatusCode.Forbidden, "auth.other_store");
        await Problems.AssertAsync(await platform.As(Principal.SeattleTerminal, "order").GetAsync($"/api/orders/{FulfillmentApi.Number(houstonOnly)}"),
            HttpStatusCode.Forbidden, "auth.other_store");
        using (var counter = await platform.As(Principal.SeattleCashier).GetAsync($"/api/orders/{FulfillmentApi.Number(pickedUpInSeattle)}"))
            Assert.Equal(HttpStatusCode.OK, counter.StatusCode);
        using (var operations = await platform.As(Principal.Operator).GetAsync($"/api/orders/{FulfillmentApi.Number(houstonOnly)}"))
            Assert.Equal(HttpStatusCode.OK, operations.StatusCode);
        // The counter's "payment methods available" is the order's too: SEATTLE's for its pickups, not for HOUSTON's own.
        await Problems.AssertAsync(await platform.As(Principal.SeattleCashier).GetAsync($"/api/orders/{FulfillmentApi.Number(houstonOnly)}/payment-methods"),
            HttpStatusCode.Forbidden, "auth.other_store");
        using (var methods = await platform.As(Principal.SeattleCashier).GetAsync($"/api/orders/{FulfillmentApi.Number(pickedUpInSeattle)}/payment-methods"))
            Assert.Equal(HttpStatusCode.OK, methods.StatusCode);
        await Problems.AssertAsync(await platform.As(Principal.SeattleCashier).GetAsync($"/api/payments/orders/{FulfillmentApi.OrderId(pickedUpInSeattle)}/payment-methods"),
            HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task ORD3_a_cashiers_deposit_override_is_refused_and_a_managers_is_accepted()
    {
        var sku = await api.Orders.NewProductAsync(40.00m, "HOUSTON", onHand: 2);

        await Problems.AssertAsync(await PostOrderAsync(Principal.HoustonCashier, StoreOrder("HOUSTON", sku, depositPercent: 50m)),
            HttpStatusCode.Forbidden, "order.deposit_override_forbidden");
        await Problems.AssertAsync(await PostOrderAsync(Principal.HoustonTerminal, StoreOrder("HOUSTON", sku, depositPercent: 50m)),
            HttpStatusCode.Forbidden, "order.deposit_override_forbidden");
        await api.StockAsync("HOUSTON", sku, (2, 0));

        var order = await api.ConfirmedAsync(StoreOrder("HOUSTON", sku, depositPercent: 50m), Principal.HoustonManager);
        Assert.Equal(20.00m, FulfillmentApi.Payment(order, "depositPaid")); // 50 % of 40.00
    }

    [Fact]
    public async Task ORD8_only_a_manager_changes_the_cancellation_charge_and_only_the_orders_store_cancels_it()
    {
        var sku = await api.Orders.NewProductAsync(40.00m, "HOUSTON", onHand: 2);
        var order = await api.ConfirmedAsync(StoreOrder("HOUSTON", sku));
        var path = $"/api/orders/{FulfillmentApi.Number(order)}/cancellation";

        await Problems.AssertAsync(await PostAsync(Principal.HoustonCashier, path, new { chargePercent = 2.5m }), HttpStatusCode.Forbidden,
            "order.cancellation_charge_forbidden");
        await Problems.AssertAsync(await PostAsync(Principal.SeattleTerminal, path, new { chargePercent = (decimal?)null }), HttpStatusCode.Forbidden,
            "auth.other_store");
        await Problems.AssertAsync(await PostAsync(Principal.SeattleTerminal, $"/api/orders/{FulfillmentApi.Number(order)}/invoices",
            new { invoiceId = "INV-OTHER", lines = new[] { new { lineId = 1, quantity = 1 } } }), HttpStatusCode.Forbidden, "auth.other_store");
        Assert.Equal("Confirmed", (await api.OrderAsync(order)).GetProperty("status").GetString());

        using var cancelled = await PostAsync(Principal.HoustonManager, path, new { chargePercent = 2.5m });
        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        Assert.Equal(2.5m, (await cancelled.ReadJsonAsync()).GetProperty("chargePercent").GetDecimal());
    }

    [Fact]
    public async Task PUP4_a_HOUSTON_terminal_neither_reads_nor_completes_SEATTLEs_pickups_and_the_pickup_is_unchanged()
    {
        var sku = await api.Orders.NewProductAsync(30.00m, "SEATTLE", onHand: 2);
        var order = await api.ConfirmedAsync(FulfillmentApi.Online("tok_visa_ok", PickupLine(sku, 1, "SEATTLE")));
        var pickup = await api.PickupAsync(order, "SEATTLE");
        var completion = $"/api/pickups/{pickup.GetProperty("id").GetGuid()}/completion";
        var scan = new { receipt = FulfillmentApi.Number(order), items = new[] { new { sku, quantity = 1 } } };

        foreach (var houston in new[] { Principal.HoustonTerminal, Principal.HoustonCashier, Principal.HoustonManager })
        {
            await Problems.AssertAsync(await PostAsync(houston, completion, scan), HttpStatusCode.Forbidden, "auth.other_store");
            await Problems.AssertAsync(await platform.As(houston).GetAsync("/api/pickups/stores/SEATTLE/requests"), HttpStatusCode.Forbidden, "auth.other_store");
            await Problems.AssertAsync(await platform.As(houston).GetAsync($"/api/pickups/{pickup.GetProperty("id").GetGuid()}"), HttpStatusCode.Forbidden,
                "auth.other_store");
        }
        var unchanged = await api.PickupByIdAsync(pickup);
        var completions = unchanged.TryGetProperty("completions", out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0;
        Assert.Equal(("Requested", 0), (unchanged.GetProperty("status").GetString(), completions));

        await api.ReceivedAsync(pickup); // PUP-3 at SEATTLE's own counter first
        using var atSeattle = await PostAsync(Principal.SeattleTerminal, completion, scan);
        Assert.Equal(HttpStatusCode.OK, atSeattle.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(Principal principal, string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return platform.As(principal).SendAsync(request);
    }
}
