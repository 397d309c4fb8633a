using System.Net;
using System.Net.Http.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using static OmniChannel.IntegrationTests.Orders.OrderApi;

namespace OmniChannel.IntegrationTests.Orders;

/// <summary>Customer orders end to end through the gateway, across all five services (ORD-1, ORD-3, ORD-9, INV-7, PUP-1).</summary>
[Collection(PlatformCollection.Name)]
public class OrderFlowTests(PlatformFixture platform)
{
    private readonly OrderApi orders = new(platform);

    [Fact]
    public async Task ORD1_a_mixed_order_is_priced_reserved_paid_and_confirmed_and_its_pickup_reaches_the_store()
    {
        var sku = await orders.NewProductAsync(50.00m, "SEATTLE", onHand: 5);
        var carryOut = await orders.NewProductAsync(10.00m, "HOUSTON", onHand: 5);

        using var response = await orders.PostAsync(Guid.NewGuid().ToString("N"),
            Order("2001", "tok_visa_ok", PickupLine(sku, 2, "SEATTLE"), CarryOutLine(carryOut, 1)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.ReadJsonAsync();
        var number = accepted.GetProperty("confirmationNumber").GetString()!;
        Assert.Equal($"/api/orders/{number}", response.Headers.Location?.OriginalString);

        var order = await orders.EndStateAsync(number);
        Assert.Equal("Confirmed", order.GetProperty("status").GetString());
        Assert.Equal(110.00m, order.GetProperty("total").GetDecimal());
        // 10.00 carried out in full + 20 % of 100.00 picked up later
        Assert.Equal(30.00m, order.GetProperty("depositDue").GetDecimal());
        Assert.Equal(30.00m, order.GetProperty("depositPaid").GetDecimal());
        Assert.Contains("order_confirmed", order.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.DoesNotContain("tok_visa_ok", order.ToString()); // PAY-12: a card token read back could pay for another order
        Assert.Contains("****a_ok", order.ToString());

        Assert.Equal((5, 2), await orders.StockAsync("SEATTLE", sku));      // reserved for pickup
        Assert.Equal((4, 0), await orders.StockAsync("HOUSTON", carryOut)); // carried out at once

        var deposit = await orders.DepositAsync(order.GetProperty("orderId").GetGuid());
        Assert.Equal("Captured", deposit!.Value.GetProperty("status").GetString());
        Assert.Equal(30.00m, deposit.Value.GetProperty("amount").GetDecimal());

        var requests = await Poll.UntilValueAsync(async () =>
        {
            var all = await platform.As(Principal.SeattleCashier).GetFromJsonElementAsync($"/api/pickups/stores/SEATTLE/requests?receipt={number}");
            return all.EnumerateArray().FirstOrDefault(r => r.GetProperty("confirmationNumber").GetString() == number) is { ValueKind: System.Text.Json.JsonValueKind.Object } found ? found : (System.Text.Json.JsonElement?)null;
        }, TimeSpan.FromSeconds(20), "the pickup request at SEATTLE");
        Assert.Equal(2, requests.GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task ORD3_a_declined_deposit_rejects_the_order_and_releases_its_stock()
    {
        var sku = await orders.NewProductAsync(40.00m, "HOUSTON", onHand: 3);

        var number = await orders.PlaceAsync(Order("2001", "decline_insufficient_funds", PickupLine(sku, 2, "HOUSTON"), CarryOutLine(sku, 1)));

        var order = await orders.EndStateAsync(number);
        Assert.Equal("Rejected", order.GetProperty("status").GetString());
        Assert.Equal("card.declined", order.GetProperty("rejectionCode").GetString());
        Assert.Equal((3, 0), await orders.StockAsync("HOUSTON", sku)); // carry-out given back, nothing reserved
        var deposit = await orders.DepositAsync(order.GetProperty("orderId").GetGuid());
        Assert.Equal("Declined", deposit!.Value.GetProperty("status").GetString());
        Assert.Null(deposit.Value.GetProperty("captureToken").GetString());
    }

    [Fact]
    public async Task INV7_an_out_of_stock_line_rejects_the_order_with_nothing_reserved_or_captured()
    {
        var sku = await orders.NewProductAsync(15.00m, "HOUSTON", onHand: 1);
        var plenty = await orders.NewProductAsync(5.00m, "HOUSTON", onHand: 10);

        var number = await orders.PlaceAsync(Order("2001", "tok_visa_ok", PickupLine(plenty, 3, "HOUSTON"), PickupLine(sku, 2, "HOUSTON")));

        var order = await orders.EndStateAsync(number);
        Assert.Equal("Rejected", order.GetProperty("status").GetString());
        Assert.Equal("stock.insufficient", order.GetProperty("rejectionCode").GetString());
        Assert.Equal((1, 0), await orders.StockAsync("HOUSTON", sku));
        Assert.Equal((10, 0), await orders.StockAsync("HOUSTON", plenty));
        Assert.Null(await orders.DepositAsync(order.GetProperty("orderId").GetGuid()));
    }

    [Fact]
    public async Task A_repeated_Idempotency_Key_creates_nothing_and_a_different_body_under_it_is_a_conflict()
    {
        var key = Guid.NewGuid().ToString("N");
        var order = Order("2001", "tok_visa_ok", CarryOutLine("86002", 1));

        using var first = await orders.PostAsync(key, order);
        using var again = await orders.PostAsync(key, order);
        using var different = await orders.PostAsync(key, Order("2001", "tok_visa_ok", CarryOutLine("86002", 2)));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal((await first.ReadJsonAsync()).GetProperty("confirmationNumber").GetString(),
            (await again.ReadJsonAsync()).GetProperty("confirmationNumber").GetString());
        await Problems.AssertAsync(different, HttpStatusCode.Conflict, "idempotency_key.reused");
    }

    [Fact]
    public async Task The_same_order_three_times_at_once_is_taken_once_and_each_answer_has_its_confirmation_number()
    {
        var key = Guid.NewGuid().ToString("N");
        var order = Order("2001", "tok_visa_ok", CarryOutLine("86002", 1));

        // The losers of the insert race answer as a replay of the winner.
        var answers = await Task.WhenAll(orders.PostAsync(key, order), orders.PostAsync(key, order), orders.PostAsync(key, order));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode));
        var numbers = await Task.WhenAll(answers.Select(async answer => (await answer.ReadJsonAsync()).GetProperty("confirmationNumber").GetString()));
        Assert.Single(numbers.Distinct());
        foreach (var answer in answers)
            answer.Dispose();
    }

    [Theory]
    [InlineData("HOU T1 000042")]
    [InlineData("HOU/T1/000042")]
    [InlineData("HOU:T1:000042")]
    public async Task A_key_that_is_not_letters_digits_dash_underscore_or_dot_is_a_problem_with_a_stable_code(string key) =>
        await Problems.AssertAsync(await orders.PostAsync(key, Order("2001", "tok_visa_ok", CarryOutLine("86002", 1))),
            HttpStatusCode.BadRequest, "idempotency_key.invalid");

    [Fact]
    public async Task A_key_longer_than_128_characters_is_a_problem_with_a_stable_code() =>
        await Problems.AssertAsync(await orders.PostAsync(new string('7', 129), Order("2001", "tok_visa_ok", CarryOutLine("86002", 1))),
            HttpStatusCode.BadRequest, "idempotency_key.invalid");

    [Fact]
    public async Task A_key_already_used_is_a_conflict_even_when_the_different_body_under_it_would_be_refused()
    {
        var key = Guid.NewGuid().ToString("N");
        using var first = await orders.PostAsync(key, Order("2001", "tok_visa_ok", CarryOutLine("86002", 1)));
        using var refused = await orders.PostAsync(key, Order("2001", "tok_visa_ok", CarryOutLine("no-such-sku", 1)));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await Problems.AssertAsync(refused, HttpStatusCode.Conflict, "idempotency_key.reused");
    }

    [Theory]
    [InlineData("unknown-sku", "product.unknown")]
    [InlineData("unknown-store", "store.unknown")]
    [InlineData("unknown-customer", "customer.unknown")]
    [InlineData("empty-cart", "cart.empty")]
    [InlineData("negative-quantity", "line.quantity_invalid")]
    [InlineData("pickup-outside-group", "fulfillment.pickup_location_not_allowed")]
    [InlineData("card-number", "deposit.card_number_refused")]
    [InlineData("unknown-channel", "order.channel_unknown")]
    [InlineData("carry-out-online", "fulfillment.carry_out_store_only")]
    [InlineData("online-without-payment", "payment.card_token_required")]
    public async Task Bad_input_is_a_problem_with_a_stable_code_and_stores_nothing(string fault, string code)
    {
        object order = fault switch
        {
            "unknown-sku" => Order("2001", "tok_visa_ok", CarryOutLine("NOPE", 1)),
            "unknown-store" => new { storeId = "NOWHERE", terminalId = "T1", customerId = "2001", lines = new[] { CarryOutLine("86002", 1) }, deposit = new { tenderTypeId = "CARD", cardTypeId = "VISA", cardToken = "tok" } },
            "unknown-customer" => Order("9999", "tok_visa_ok", CarryOutLine("86002", 1)),
            "empty-cart" => Order("2001", "tok_visa_ok"),
            "negative-quantity" => Order("2001", "tok_visa_ok", CarryOutLine("86002", -1)),
            "pickup-outside-group" => Order("2001", "tok_visa_ok", PickupLine("86002", 1, "CENTRAL-DC")),
            "unknown-channel" => new { channel = "kiosk", storeId = "HOUSTON", customerId = "2001", lines = new[] { PickupLine("86002", 1, "HOUSTON") } },
            "carry-out-online" => new
            {
                channel = "online", storeId = "HOUSTON", customerId = "2001", lines = new[] { CarryOutLine("86002", 1) },
                payment = new { tenderTypeId = "CARD", cardTypeId = "VISA", cardToken = "tok_visa_ok" },
            },
            "online-without-payment" => new { channel = "online", storeId = "HOUSTON", customerId = "2001", lines = new[] { PickupLine("86002", 1, "HOUSTON") } },
            _ => Order("2001", "4111111111111111", CarryOutLine("86002", 1)),
        };
        var key = Guid.NewGuid().ToString("N");

        await Problems.AssertAsync(await orders.PostAsync(key, order), HttpStatusCode.BadRequest, code);

        // Nothing was stored under the key: a valid order with it is accepted as new.
        using var valid = await orders.PostAsync(key, Order("2001", "tok_visa_ok", CarryOutLine("86002", 1)));
        Assert.Equal(HttpStatusCode.Accepted, valid.StatusCode);
    }

    [Fact]
    public async Task An_order_without_Idempotency_Key_is_refused() =>
        await Problems.AssertAsync(await platform.As(Principal.HoustonCashier).PostAsJsonAsync("/api/orders", Order("2001", "tok", CarryOutLine("86002", 1))),
            HttpStatusCode.BadRequest, "idempotency_key.required");
}
