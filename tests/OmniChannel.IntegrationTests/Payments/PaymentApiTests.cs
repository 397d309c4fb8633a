using System.Net;
using System.Net.Http.Json;
using OmniChannel.IntegrationTests.Infrastructure;
using static OmniChannel.IntegrationTests.Payments.PaymentApi;

namespace OmniChannel.IntegrationTests.Payments;

/// <summary>What every payment write shares: idempotency per terminal transaction, clear refusals that change nothing.</summary>
[Collection(PlatformCollection.Name)]
public class PaymentApiTests(PlatformFixture platform)
{
    private readonly PaymentApi payments = new(platform);
    private readonly Guid order = Guid.NewGuid();

    [Fact]
    public async Task A_retried_capture_with_the_same_Idempotency_Key_captures_once_and_a_different_body_under_it_is_a_conflict()
    {
        await payments.TenderAsync(order, Tender("online", "tok_visa_ok", 100.00m));

        var first = await payments.CaptureAsync(order, "pickup", 40.00m, key: "T1-000042");
        var again = await payments.CaptureAsync(order, "pickup", 40.00m, key: "T1-000042");

        Assert.Equal(first.GetProperty("captures").ToString(), again.GetProperty("captures").ToString());
        Assert.Equal(40.00m, Total(await payments.LedgerAsync(order), "captured"));
        await Problems.AssertAsync(await payments.PostAsync(order, "captures", new { purpose = "pickup", amount = 41.00m }, "T1-000042"),
            HttpStatusCode.Conflict, "idempotency_key.reused");
        await payments.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task A_declined_card_is_a_problem_with_the_processors_code_and_holds_no_money()
    {
        await Problems.AssertAsync(await payments.PostAsync(order, "tenders", Tender("store", "decline_do_not_honor", 100.00m, 20.00m)),
            HttpStatusCode.UnprocessableEntity, "card.declined");
        await Problems.AssertAsync(await payments.PostAsync(order, "tenders", Tender("online", "tok_nsf_visa", 100.01m)),
            HttpStatusCode.UnprocessableEntity, "card.insufficient_funds");

        var ledger = await payments.LedgerAsync(order);
        Assert.Equal(2, ledger.GetProperty("declined").GetArrayLength());
        Assert.Equal(0m, Total(ledger, "authorized"));
    }

    [Theory]
    [InlineData("4111111111111111", "card.number_refused")]
    [InlineData("", "card.token_required")]
    public async Task PAY12_a_card_number_is_refused_where_a_token_belongs(string cardToken, string code) =>
        await Problems.AssertAsync(await payments.PostAsync(order, "tenders", Tender("store", cardToken, 10.00m)), HttpStatusCode.BadRequest, code);

    [Fact]
    public async Task The_first_tender_sets_the_orders_currency_and_a_tender_in_another_is_refused_and_changes_nothing()
    {
        await Problems.AssertAsync(await payments.PostAsync(order, "tenders", Tender("online", "tok_visa_ok", 100.00m, currency: "")),
            HttpStatusCode.BadRequest, "currency.invalid");
        await payments.TenderAsync(order, Tender("online", "tok_visa_ok", 100.00m, currency: "EUR"));
        var before = await payments.LedgerAsync(order);

        await Problems.AssertAsync(await payments.PostAsync(order, "tenders", Tender("online", "tok_mc_ok", 20.00m, cardTypeId: "MC", currency: "USD")),
            HttpStatusCode.UnprocessableEntity, "currency.mismatch");

        var after = await payments.LedgerAsync(order);
        Assert.Equal("EUR", after.GetProperty("currency").GetString());
        Assert.Equal(before.GetProperty("tenderLines").ToString(), after.GetProperty("tenderLines").ToString());
        await payments.AssertReconcilesAsync(order);
    }

    [Fact]
    public async Task Bad_requests_are_problems_with_stable_codes()
    {
        await Problems.AssertAsync(await platform.As(Principal.HoustonCashier).PostAsJsonAsync($"/api/payments/orders/{order}/captures", new { purpose = "pickup", amount = 1m }),
            HttpStatusCode.BadRequest, "idempotency_key.required");
        await Problems.AssertAsync(await payments.PostAsync(order, "captures", new { purpose = "pickup", amount = 1m }),
            HttpStatusCode.NotFound, "payments.not_found");
        await Problems.AssertAsync(await payments.PostAsync(order, "captures", new { purpose = "layaway", amount = 1m }),
            HttpStatusCode.BadRequest, "capture.purpose_unknown");
        await Problems.AssertAsync(await payments.PostAsync(order, "tenders", Tender("store", "tok_visa_ok", 10.001m)),
            HttpStatusCode.BadRequest, "amount.invalid");
        await Problems.AssertAsync(await payments.PostAsync(order, "tenders", Tender("store", "tok_visa_ok", 10m, cardTypeId: "JCB")),
            HttpStatusCode.BadRequest, "card_type.unknown");
        await Problems.AssertAsync(await platform.As(Principal.HoustonCashier).GetAsync($"/api/payments/orders/{order}"), HttpStatusCode.NotFound, "payments.not_found");
    }
}
