using System.Net;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using static OmniChannel.IntegrationTests.Orders.OrderApi;

namespace OmniChannel.IntegrationTests.Orders;

/// <summary>
/// ORD-6 recall through the gateway: GET /api/orders finds orders, and channel transactions not created yet, by customer,
/// number, status and dates, from the summaries the Order service keeps inline with each order's stream; a terminal finds
/// only what its store works on, an operator everything. The tests of this collection run one after another, so a search
/// narrowed to the customer and to the instant a test began sees that test's orders only.
/// </summary>
[Collection(PlatformCollection.Name)]
public class RecallTests(PlatformFixture platform)
{
    private readonly OrderApi orders = new(platform);
    private readonly OrderApi seattle = new(platform, Principal.SeattleCashier);

    private static string At(DateTimeOffset instant) => Uri.EscapeDataString(instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));

    private async Task<JsonElement> SearchAsync(string query, Principal? who = null) =>
        await platform.As(who ?? Principal.HoustonCashier).GetFromJsonElementAsync($"/api/orders?{query}");

    private static string[] Numbers(JsonElement page) =>
        page.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("confirmationNumber").GetString()!).ToArray();

    private static JsonElement Row(JsonElement page, string number) =>
        page.GetProperty("orders").EnumerateArray().Single(o => o.GetProperty("confirmationNumber").GetString() == number);

    [Fact]
    public async Task ORD6_a_terminal_finds_an_order_by_its_customers_email_phone_or_name_as_the_list_shows_it()
    {
        var since = DateTimeOffset.UtcNow; // the server stamps orders with this same clock
        var sku = await orders.NewProductAsync(30.00m, "HOUSTON", onHand: 5);
        var number = await orders.PlaceAsync(Order("2001", "tok_visa_ok", PickupLine(sku, 2, "HOUSTON")));

        // At once: its Pending summary was written with the transaction, its order's summary with the order's events.
        var found = await SearchAsync($"email={Uri.EscapeDataString(" KAREN.Berg@example.com")}&from={At(since)}");
        Assert.Contains(number, Numbers(found));

        var confirmed = await orders.EndStateAsync(number);
        var row = await Poll.UntilValueAsync(async () =>
        {
            var page = await SearchAsync($"email=karen.berg%40example.com&from={At(since)}");
            return Row(page, number) is var r && r.GetProperty("status").GetString() == "Confirmed" ? r : (JsonElement?)null;
        }, TimeSpan.FromSeconds(10), $"{number} to show Confirmed in the list, as GET /api/orders/{number} does");
        Assert.Equal(confirmed.GetProperty("orderId").GetGuid(), row.GetProperty("orderId").GetGuid());
        Assert.Equal(("HOUSTON", "Store", "2001", "Karen Berg"), (row.GetProperty("storeId").GetString(), row.GetProperty("channel").GetString(),
            row.GetProperty("customerId").GetString(), row.GetProperty("customerName").GetString()));
        Assert.Equal((60.00m, "USD", 1), (row.GetProperty("total").GetDecimal(), row.GetProperty("currency").GetString(), row.GetProperty("lineCount").GetInt32()));
        Assert.True(row.GetProperty("updatedAt").GetDateTimeOffset() >= row.GetProperty("createdAt").GetDateTimeOffset());
        Assert.InRange(row.GetProperty("createdAt").GetDateTimeOffset(), since, DateTimeOffset.UtcNow);
        Assert.False(row.TryGetProperty("email", out _)); // the list names the customer; their contact stays in the customer's record

        Assert.Contains(number, Numbers(await SearchAsync($"phone={Uri.EscapeDataString("+1 (713) 555-0142")}&from={At(since)}")));
        Assert.Contains(number, Numbers(await SearchAsync($"customerName=KAREN&from={At(since)}")));
        Assert.Contains(number, Numbers(await SearchAsync($"customerName=karen%20%20b&from={At(since)}")));
        Assert.DoesNotContain(number, Numbers(await SearchAsync($"customerName=berg&from={At(since)}"))); // a prefix of the name
        Assert.Equal([number], Numbers(await SearchAsync($"orderId={row.GetProperty("orderId").GetGuid()}")));
        Assert.DoesNotContain(number, Numbers(await SearchAsync($"email=purchasing%40contoso.example.com&from={At(since)}")));
    }

    [Fact]
    public async Task ORD6_search_by_status_and_date_range()
    {
        var since = DateTimeOffset.UtcNow; // the server stamps orders with this same clock
        var sku = await orders.NewProductAsync(20.00m, "HOUSTON", onHand: 10);
        var confirmed = await orders.PlaceAsync(Order("2001", "tok_visa_ok", PickupLine(sku, 1, "HOUSTON")));
        var rejected = await orders.PlaceAsync(Order("2001", "decline_insufficient_funds", PickupLine(sku, 1, "HOUSTON")));
        Assert.Equal("Confirmed", (await orders.EndStateAsync(confirmed)).GetProperty("status").GetString());
        Assert.Equal("Rejected", (await orders.EndStateAsync(rejected)).GetProperty("status").GetString());
        var until = DateTimeOffset.UtcNow.AddSeconds(5);

        var window = $"customerId=2001&from={At(since)}&to={At(until)}";
        var both = await Poll.UntilValueAsync(async () =>
        {
            var page = await SearchAsync($"{window}&status=Confirmed,Rejected");
            return page.GetProperty("totalCount").GetInt32() == 2 ? page : (JsonElement?)null;
        }, TimeSpan.FromSeconds(10), "both orders in their final status in the list");
        Assert.Equal([rejected, confirmed], Numbers(both)); // newest first
        Assert.Equal([confirmed], Numbers(await SearchAsync($"{window}&status=confirmed")));
        Assert.Equal([rejected], Numbers(await SearchAsync($"{window}&status=Rejected&storeId=HOUSTON&channel=store")));
        Assert.Empty(Numbers(await SearchAsync($"{window}&status=Cancelled")));
        // Other tests of the run placed orders for this customer in the hour before: this test's are not among them.
        var earlier = Numbers(await SearchAsync($"customerId=2001&from={At(since.AddHours(-1))}&to={At(since.AddMinutes(-1))}&pageSize=100"));
        Assert.DoesNotContain(confirmed, earlier);
        Assert.DoesNotContain(rejected, earlier);
        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd");
        Assert.Contains(confirmed, Numbers(await SearchAsync($"customerId=2001&status=Confirmed&from={today}&to={today}")));
    }

    [Fact]
    public async Task ORD6_a_channel_transaction_not_created_yet_is_found_Pending_by_its_confirmation_number()
    {
        var sku = await orders.NewProductAsync(15.00m, "HOUSTON", onHand: 5);
        await SetDrillAsync(failing: true); // ORD-9: the real-time path fails, the transaction waits for the order-sync job
        string number;
        try
        {
            number = await orders.PlaceAsync(Order("2001", "tok_visa_ok", PickupLine(sku, 1, "HOUSTON")));
            var pending = await SearchAsync($"confirmationNumber={number.ToLowerInvariant()}");
            Assert.Equal(1, pending.GetProperty("totalCount").GetInt32());
            var row = Row(pending, number);
            Assert.Equal(("Pending", "Karen Berg", 0m), (row.GetProperty("status").GetString(), row.GetProperty("customerName").GetString(),
                row.GetProperty("total").GetDecimal()));
            Assert.Equal("Pending", (await orders.GetAsync(number)).GetProperty("status").GetString());
        }
        finally
        {
            await SetDrillAsync(failing: false);
        }

        // Once the job has created the order, its summary replaces the transaction's: still one, now Confirmed.
        await orders.EndStateAsync(number);
        var replaced = await Poll.UntilValueAsync(async () =>
        {
            var page = await SearchAsync($"confirmationNumber={number}");
            return Row(page, number).GetProperty("status").GetString() == "Confirmed" ? page : (JsonElement?)null;
        }, TimeSpan.FromSeconds(10), $"{number} Confirmed in the list");
        Assert.Equal(1, replaced.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task ORD6_pages_and_sorts()
    {
        var since = DateTimeOffset.UtcNow; // the server stamps orders with this same clock
        var sku = await orders.NewProductAsync(10.00m, "HOUSTON", onHand: 20);
        var numbers = new List<string>();
        foreach (var quantity in new[] { 2, 3, 1 })
            numbers.Add(await orders.PlaceAsync(Order("2001", "tok_visa_ok", PickupLine(sku, quantity, "HOUSTON"))));
        foreach (var number in numbers)
            await orders.EndStateAsync(number);
        var window = $"customerId=2001&from={At(since)}";
        await Poll.UntilAsync(async () => (await SearchAsync($"{window}&status=Confirmed")).GetProperty("totalCount").GetInt32() == 3,
            TimeSpan.FromSeconds(10), "three orders confirmed in the list");

        var first = await SearchAsync($"{window}&pageSize=2");
        Assert.Equal((1, 2, "-created", 3, false), (first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32(),
            first.GetProperty("sort").GetString(), first.GetProperty("totalCount").GetInt32(), first.GetProperty("totalCountCapped").GetBoolean()));
        Assert.Equal([numbers[2], numbers[1]], Numbers(first));
        var second = await SearchAsync($"{window}&pageSize=2&page=2");
        Assert.Equal([numbers[0]], Numbers(second));
        Assert.Equal(3, second.GetProperty("totalCount").GetInt32());
        Assert.Empty(Numbers(await SearchAsync($"{window}&pageSize=2&page=3")));

        Assert.Equal([numbers[0], numbers[1], numbers[2]], Numbers(await SearchAsync($"{window}&sort=created")));
        Assert.Equal([numbers[2], numbers[0], numbers[1]], Numbers(await SearchAsync($"{window}&sort=total")));   // 10, 20, 30
        Assert.Equal([numbers[1], numbers[0], numbers[2]], Numbers(await SearchAsync($"{window}&sort=-total")));  // 30, 20, 10
        Assert.Equal([numbers[2], numbers[1], numbers[0]], Numbers(await SearchAsync($"{window}&sort=status"))); // one status: newest first
    }

    [Fact]
    public async Task ORD6_a_HOUSTON_terminal_does_not_see_SEATTLE_only_orders_and_an_operator_sees_all()
    {
        var since = DateTimeOffset.UtcNow; // the server stamps orders with this same clock
        var atSeattle = await orders.NewProductAsync(25.00m, "SEATTLE", onHand: 5);
        var atHouston = await orders.NewProductAsync(25.00m, "HOUSTON", onHand: 5);
        var seattleOnly = await seattle.PlaceAsync(SeattleOrder(PickupLine(atSeattle, 1, "SEATTLE")));
        var pickedUpInHouston = await seattle.PlaceAsync(SeattleOrder(PickupLine(atHouston, 1, "HOUSTON")));
        await seattle.EndStateAsync(seattleOnly);
        await seattle.EndStateAsync(pickedUpInHouston);

        var window = $"customerId=2001&from={At(since)}";
        foreach (var terminal in new[] { Principal.HoustonTerminal, Principal.HoustonCashier })
        {
            Assert.Empty(Numbers(await SearchAsync($"confirmationNumber={seattleOnly}", terminal)));
            var visible = Numbers(await SearchAsync(window, terminal));
            Assert.Contains(pickedUpInHouston, visible); // its pickup counter serves a line
            Assert.DoesNotContain(seattleOnly, visible);
            Assert.Equal([pickedUpInHouston], Numbers(await SearchAsync($"{window}&storeId=SEATTLE", terminal)));
            Assert.DoesNotContain(seattleOnly, Numbers(await SearchAsync($"{window}&status=Confirmed,Completed", terminal)));
            var broad = Numbers(await SearchAsync($"from={At(since)}&pageSize=100", terminal)); // nothing but dates: the stores' indexes
            Assert.Contains(pickedUpInHouston, broad);
            Assert.DoesNotContain(seattleOnly, broad);
        }
        Assert.Equal([pickedUpInHouston, seattleOnly], Numbers(await SearchAsync($"{window}&storeId=SEATTLE", Principal.SeattleTerminal)));
        var all = Numbers(await SearchAsync(window, Principal.Operator));
        Assert.Contains(seattleOnly, all);
        Assert.Contains(pickedUpInHouston, all);
    }

    [Fact]
    public async Task ORD6_hostile_search_input_is_a_400_problem_with_a_stable_code_and_the_route_wants_order_reading_rights()
    {
        var cashier = platform.As(Principal.HoustonCashier);
        foreach (var (query, code) in new[]
                 {
                     ("pageSize=1000000", "order_search.page_size_invalid"),
                     ("pageSize=-5", "order_search.page_size_invalid"),
                     ("page=99999999999", "order_search.page_invalid"),
                     ("page=5000", "order_search.page_too_deep"),
                     ("from=2026-13-45", "order_search.date_invalid"),
                     ("to=now", "order_search.date_invalid"),
                     ("from=2026-12-08&to=2026-12-07", "order_search.range_invalid"),
                     ("status=Lost", "order_search.status_unknown"),
                     ("sort=id;drop%20table", "order_search.sort_unknown"),
                     ("customerName=%25", "order_search.customer_name_too_short"),
                     ("email=%27%20or%201%3D1", "order_search.email_invalid"),
                     ("orderId=not-a-guid", "order_search.order_id_invalid"),
                     ("customerName=Karen%01", "text.control_character"),
                     ("emial=karen.berg%40example.com", "order_search.parameter_unknown"),
                     ("page=1&page=2", "order_search.parameter_repeated"),
                 })
            await Problems.AssertAsync(await cashier.GetAsync($"/api/orders?{query}"), HttpStatusCode.BadRequest, code);

        // A pattern is matched as text: "%" and "_" find no more than a name holding them.
        Assert.Equal(0, (await SearchAsync("customerName=%25%25%25")).GetProperty("totalCount").GetInt32());
        Assert.Equal(0, (await SearchAsync("customerName=___")).GetProperty("totalCount").GetInt32());

        await Problems.AssertAsync(await platform.Gateway.GetAsync("/api/orders?customerId=2001"), HttpStatusCode.Unauthorized, "auth.token_missing");
        await Problems.AssertAsync(await platform.As(Principal.Merchandiser).GetAsync("/api/orders?customerId=2001"), HttpStatusCode.Forbidden, "auth.forbidden");
        await Problems.AssertAsync(await platform.As(Principal.Storefront).GetAsync("/api/orders?customerId=2001"), HttpStatusCode.Forbidden, "auth.forbidden");
    }

    private static object SeattleOrder(params object[] lines) => new
    {
        storeId = "SEATTLE", customerId = "2001", lines, deposit = new { tenderTypeId = "CARD", cardTypeId = "VISA", cardToken = "tok_visa_ok" },
    };

    /// <summary>The dashboard's "Real-time failure drill" command on the order resource, as an operator runs it.</summary>
    private async Task SetDrillAsync(bool failing)
    {
        var result = await platform.Platform.ExecuteCommandAsync("order", "real-time-drill", ("failing", failing ? "true" : "false"));
        Assert.True(result.Success, result.Message);
    }
}
