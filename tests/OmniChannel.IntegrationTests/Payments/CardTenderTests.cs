using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OmniChannel.IntegrationTests.Fulfillment;
using OmniChannel.IntegrationTests.Infrastructure;
using static OmniChannel.IntegrationTests.Fulfillment.FulfillmentApi;
using static OmniChannel.IntegrationTests.Orders.OrderApi;
using static OmniChannel.IntegrationTests.Payments.PaymentApi;

namespace OmniChannel.IntegrationTests.Payments;

/// <summary>
/// Issue 12: money moves only through the order. No public route captures, refunds, voids or settles a cancellation; a
/// terminal takes a new card for an order through the Order service (PAY-7..10), which authorizes it for at most what the
/// order still has to collect, for its own store's orders and pickups only, once per terminal transaction.
/// </summary>
[Collection(PlatformCollection.Name)]
public class CardTenderTests(PlatformFixture platform)
{
    private readonly FulfillmentApi api = new(platform);

    private PaymentApi Payments => api.Payments;

    [Theory]
    [InlineData("captures", """{"purpose":"pickup","amount":1}""")]
    [InlineData("refunds", """{"amount":1}""")]
    [InlineData("voids", """{}""")]
    [InlineData("cancellation", """{"cancellationCharge":0}""")]
    [InlineData("tenders", """{"storeId":"HOUSTON","channel":"store","tenderTypeId":"CARD","cardTypeId":"VISA","cardToken":"tok_visa_ok","amount":1,"currency":"USD"}""")]
    public async Task No_public_route_moves_money_on_its_own(string operation, string body)
    {
        var order = await api.ConfirmedAsync(Online("tok_visa_ok", PickupLine(await api.Orders.NewProductAsync(10.00m, "HOUSTON", onHand: 1), 1, "HOUSTON")));
        var ledger = await Payments.LedgerAsync(OrderId(order));

        foreach (var (principal, resource) in new[] { (Principal.Operator, "gateway"), (Principal.HoustonManager, "gateway"), (Principal.Operator, "payment"),
                     (Principal.HoustonManager, "payment") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/payments/orders/{OrderId(order)}/{operation}")
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            using var response = await platform.As(principal, resource).SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed,
                $"{principal} at {resource}: {operation} answered {(int)response.StatusCode}");
        }
        // The order's own call to the Payment service is internal: not routed by the gateway, refused to a terminal at the service.
        using (var internalRoute = await platform.As(Principal.HoustonManager).PostAsJsonAsync($"/internal/payments/orders/{OrderId(order)}/tenders", new { }))
            Assert.Equal(HttpStatusCode.NotFound, internalRoute.StatusCode);
        await Problems.AssertAsync(await platform.As(Principal.HoustonManager, "payment").PostAsJsonAsync($"/internal/payments/orders/{OrderId(order)}/tenders",
            new { }), HttpStatusCode.Forbidden, "auth.forbidden");

        Assert.Equal(ledger.ToString(), (await Payments.LedgerAsync(OrderId(order))).ToString());
    }

    [Fact]
    public async Task PAY8_a_card_taken_at_the_counter_is_authorized_once_per_terminal_transaction_and_the_order_records_it_masked()
    {
        var sku = await api.Orders.NewProductAsync(50.00m, "HOUSTON", onHand: 2);
        var order = await api.ConfirmedAsync(Store("tok_norecur_visa", null, PickupLine(sku, 2, "HOUSTON"))); // deposit 20.00, no authorization

        var first = await Payments.TenderAsync(Number(order), CardTender("tok_visa_second", 80.00m), key: "T1-TND-1");
        var again = await Payments.TenderAsync(Number(order), CardTender("tok_visa_second", 80.00m), key: "T1-TND-1");
        await Problems.AssertAsync(await Payments.PostTenderAsync(Number(order), CardTender("tok_visa_second", 70.00m), idempotencyKey: "T1-TND-1"),
            HttpStatusCode.Conflict, "idempotency_key.reused");

        Assert.Equal(first.GetProperty("tenderLineId").GetInt32(), again.GetProperty("tenderLineId").GetInt32());
        Assert.Equal((80.00m, 80.00m), (first.GetProperty("authorizedAmount").GetDecimal(), first.GetProperty("outstanding").GetDecimal()));
        Assert.DoesNotContain("tok_visa_second", first.ToString());
        var ledger = await Payments.LedgerAsync(OrderId(order));
        Assert.Equal((100.00m, 20.00m, 80.00m), (Total(ledger, "authorized"), Total(ledger, "captured"), Total(ledger, "openAuthorizations")));
        var shown = await api.OrderAsync(order);
        Assert.DoesNotContain("tok_visa_second", shown.ToString());
        Assert.Single(History(shown), e => e == "card_tender_taken");
        await Payments.AssertReconcilesAsync(OrderId(order));
        await Payments.AssertOrderAgreesAsync(Number(order));
    }

    [Fact]
    public async Task A_card_is_refused_with_a_code_and_changes_nothing_when_it_is_more_than_the_order_owes_or_not_the_terminals_order()
    {
        var sku = await api.Orders.NewProductAsync(25.00m, "HOUSTON", onHand: 2);
        var order = await api.ConfirmedAsync(Store("tok_visa_ok", null, PickupLine(sku, 2, "HOUSTON"))); // 50.00: deposit 10.00, 40.00 authorized
        var ledger = await Payments.LedgerAsync(OrderId(order));
        var before = await api.OrderAsync(order);

        await Problems.AssertAsync(await Payments.PostTenderAsync(Number(order), CardTender("tok_mc_ok", 40.01m, "MC")),
            HttpStatusCode.Conflict, "tender.amount_exceeds_balance");
        await Problems.AssertAsync(await Payments.PostTenderAsync(Number(order), CardTender("tok_mc_ok", 10.001m, "MC")), HttpStatusCode.BadRequest, "amount.invalid");
        await Problems.AssertAsync(await Payments.PostTenderAsync(Number(order), CardTender("tok_mc_ok", 0m, "MC")), HttpStatusCode.BadRequest, "amount.invalid");
        await Problems.AssertAsync(await Payments.PostTenderAsync(Number(order), CardTender("tok_mc_ok", -5m, "MC")), HttpStatusCode.BadRequest, "amount.invalid");
        await Problems.AssertAsync(await Payments.PostTenderAsync(Number(order), CardTender("4111111111111111", 5m)), HttpStatusCode.BadRequest, "card.number_refused");
        await Problems.AssertAsync(await Payments.PostTenderAsync(Number(order), CardTender("", 5m)), HttpStatusCode.BadRequest, "card.token_required");
        await Problems.AssertAsync(await Payments.PostTenderAsync(Number(order), CardTender("tok_visa_ok", 5m, "JCB")), HttpStatusCode.BadRequest, "card_type.unknown");
        await Problems.AssertAsync(await Payments.PostTenderAsync(Number(order), CardTender("decline_do_not_honor", 5m)),
            HttpStatusCode.UnprocessableEntity, "card.declined");
        // SEATTLE's terminal has nothing to do with a HOUSTON order picked up in HOUSTON.
        await Problems.AssertAsync(await Payments.PostTenderAsync(Number(order), CardTender("tok_visa_ok", 5m), Principal.SeattleCashier), HttpStatusCode.Forbidden, "auth.other_store");
        await Problems.AssertAsync(await Payments.PostTenderAsync(Number(order), CardTender("tok_visa_ok", 5m), Principal.Storefront), HttpStatusCode.Forbidden, "auth.forbidden");
        await Problems.AssertAsync(await Payments.PostTenderAsync("HOU-9999999", CardTender("tok_visa_ok", 5m)), HttpStatusCode.NotFound, "order.not_found");
        using (var noKey = await platform.As(Principal.HoustonCashier).PostAsJsonAsync($"/api/orders/{Number(order)}/tenders", CardTender("tok_visa_ok", 5m)))
            await Problems.AssertAsync(noKey, HttpStatusCode.BadRequest, "idempotency_key.required");

        var after = await Payments.LedgerAsync(OrderId(order));
        Assert.Equal(ledger.GetProperty("tenderLines").ToString(), after.GetProperty("tenderLines").ToString());
        Assert.Equal(Total(ledger, "authorized"), Total(after, "authorized"));
        Assert.Equal(History(before), History(await api.OrderAsync(order)));
    }

    [Fact]
    public async Task A_cancelled_order_takes_no_card()
    {
        var sku = await api.Orders.NewProductAsync(30.00m, "HOUSTON", onHand: 1);
        var order = await api.ConfirmedAsync(Online("tok_visa_ok", PickupLine(sku, 1, "HOUSTON")));
        using (var cancel = await api.CancelAsync(order))
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        order = await api.StatusAsync(order, "Cancelled");

        await Problems.AssertAsync(await Payments.PostTenderAsync(Number(order), CardTender("tok_visa_ok", 5m)), HttpStatusCode.Conflict, "order.not_payable");
        await Payments.AssertOrderAgreesAsync(Number(order));
    }

    [Fact]
    public async Task The_reconciliation_of_an_order_is_an_operators_read_and_a_run_over_all_orders_is_an_operators_action()
    {
        var order = await api.ConfirmedAsync(Online("tok_visa_ok", PickupLine(await api.Orders.NewProductAsync(12.00m, "HOUSTON", onHand: 1), 1, "HOUSTON")));

        var view = await Payments.AssertOrderAgreesAsync(Number(order));
        Assert.Empty(view.GetProperty("differences").EnumerateArray());
        await Problems.AssertAsync(await platform.As(Principal.HoustonCashier).GetAsync($"/api/orders/{Number(order)}/reconciliation"), HttpStatusCode.Forbidden, "auth.forbidden");
        using (var anonymous = new HttpClient { BaseAddress = platform.Platform.GatewayUrl })
            await Problems.AssertAsync(await anonymous.GetAsync($"/api/orders/{Number(order)}/reconciliation"), HttpStatusCode.Unauthorized, "auth.token_missing");

        var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"));
        using (var refused = await platform.As(Principal.HoustonManager, "order-worker").PostAsync($"/operations/reconciliation?changedSince={since}", null))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var run = await platform.As(Principal.Operator, "order-worker").PostAsync($"/operations/reconciliation?changedSince={since}", null);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var result = await run.ReadJsonAsync();
        Assert.True(result.GetProperty("checked").GetInt32() >= 1, result.ToString());
        Assert.Equal(result.GetProperty("checked").GetInt32(), result.GetProperty("agreeing").GetInt32() + result.GetProperty("disagreeing").GetArrayLength());

        // The dashboard's "Reconcile orders" command on the order resource runs the same check with an operator's token.
        var command = await platform.Platform.ExecuteCommandAsync("order-worker", "reconcile-orders", ("hours", "1"));
        Assert.Contains("order(s) agree", command.Message);
    }
}
