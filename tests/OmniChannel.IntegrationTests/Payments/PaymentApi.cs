using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.IntegrationTests.Payments;

/// <summary>
/// What store terminals and operators do with payments, for the tests. Money moves only through the order: a terminal
/// takes a card for an order at <c>POST /api/orders/{cn}/tenders</c>; captures, refunds and voids are the order saga's
/// messages. The Payment service's own routes are reads (ledger, payment methods, reconciliation).
/// </summary>
public sealed class PaymentApi(PlatformFixture platform)
{
    /// <summary>The processor emulator, a resource of its own: card numbers never pass the gateway.</summary>
    private Uri Emulator => platform.Platform.Endpoint("processor-emulator");

    /// <summary>The ledger and the reconciliation are for audit: operators and the services.</summary>
    private HttpClient Audit => platform.As(Principal.Operator);

    /// <summary>The body of a card the terminal takes at the counter for an order.</summary>
    public static object CardTender(string cardToken, decimal amount, string cardTypeId = "VISA") =>
        new { tenderTypeId = "CARD", cardTypeId, cardToken, amount };

    /// <summary>What the payment terminal or the storefront's hosted fields do: hand the card to the processor, get a token.</summary>
    public async Task<string> TokenizeAsync(string cardNumber)
    {
        using var client = new HttpClient { BaseAddress = Emulator };
        using var response = await client.PostAsJsonAsync("/tokenize", new { cardNumber });
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync()).GetProperty("cardToken").GetString()!;
    }

    /// <summary>A terminal (by default HOUSTON's cashier) takes a card for the order, with its transaction's Idempotency-Key.</summary>
    public Task<HttpResponseMessage> PostTenderAsync(string confirmationNumber, object tender, Principal? by = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{confirmationNumber}/tenders") { Content = JsonContent.Create(tender) };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString("N"));
        return platform.As(by ?? Principal.HoustonCashier).SendAsync(request);
    }

    /// <summary>A card that must be accepted (201).</summary>
    public Task<JsonElement> TenderAsync(string confirmationNumber, object tender, Principal? by = null, string? key = null) =>
        ExpectAsync(PostTenderAsync(confirmationNumber, tender, by, key), HttpStatusCode.Created);

    public Task<JsonElement> LedgerAsync(Guid orderId) => Audit.GetFromJsonElementAsync($"/api/payments/orders/{orderId}");

    /// <summary>"A payment method is available", as a terminal of the order's store (by default HOUSTON's cashier) asks the order.</summary>
    public Task<JsonElement> PaymentMethodsAsync(string confirmationNumber, Principal? by = null) =>
        platform.As(by ?? Principal.HoustonCashier).GetFromJsonElementAsync($"/api/orders/{confirmationNumber}/payment-methods");

    /// <summary>The ledger checked against the processor's own record of the order's calls: it must reconcile.</summary>
    public async Task<JsonElement> AssertReconcilesAsync(Guid orderId)
    {
        var view = await Audit.GetFromJsonElementAsync($"/api/payments/orders/{orderId}/reconciliation");
        Assert.True(view.GetProperty("reconciles").GetBoolean(), view.GetProperty("differences").ToString());
        Assert.Equal(view.GetProperty("processor").GetProperty("captured").GetDecimal(), view.GetProperty("ledger").GetProperty("captured").GetDecimal());
        Assert.Equal(view.GetProperty("processor").GetProperty("refunded").GetDecimal(), view.GetProperty("ledger").GetProperty("refunded").GetDecimal());
        return view;
    }

    /// <summary>The order, its ledger and the processor agree (GET /api/orders/{cn}/reconciliation).</summary>
    public async Task<JsonElement> AssertOrderAgreesAsync(string confirmationNumber)
    {
        var view = await Audit.GetFromJsonElementAsync($"/api/orders/{confirmationNumber}/reconciliation");
        Assert.True(view.GetProperty("agrees").GetBoolean(), view.ToString());
        return view;
    }

    public static decimal Total(JsonElement ledger, string name) => ledger.GetProperty("totals").GetProperty(name).GetDecimal();

    private static async Task<JsonElement> ExpectAsync(Task<HttpResponseMessage> sending, HttpStatusCode status)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != status)
            throw new HttpRequestException($"{response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
