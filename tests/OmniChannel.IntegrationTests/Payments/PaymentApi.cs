using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.IntegrationTests.Payments;

/// <summary>What store terminals, the storefront and the call center do with /api/payments, for the tests.</summary>
public sealed class PaymentApi(PlatformFixture platform)
{
    /// <summary>The processor emulator, a resource of its own: card numbers never pass the gateway.</summary>
    private Uri Emulator => platform.Platform.Endpoint("processor-emulator");

    public HttpClient Gateway => platform.As(Principal.HoustonCashier);

    public static object Tender(string channel, string cardToken, decimal amount, decimal captureAmount = 0m, string? purpose = null,
        string cardTypeId = "VISA", string storeId = "HOUSTON", string currency = "USD") =>
        new { confirmationNumber = "WEB-TEST", storeId, channel, tenderTypeId = "CARD", cardTypeId, cardToken, amount, currency, captureAmount, purpose };

    /// <summary>What the payment terminal or the storefront's hosted fields do: hand the card to the processor, get a token.</summary>
    public async Task<string> TokenizeAsync(string cardNumber)
    {
        using var client = new HttpClient { BaseAddress = Emulator };
        using var response = await client.PostAsJsonAsync("/tokenize", new { cardNumber });
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync()).GetProperty("cardToken").GetString()!;
    }

    public Task<HttpResponseMessage> PostAsync(Guid orderId, string operation, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/payments/orders/{orderId}/{operation}") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString("N"));
        return Gateway.SendAsync(request);
    }

    /// <summary>A tender that must be accepted (201).</summary>
    public Task<JsonElement> TenderAsync(Guid orderId, object tender, string? key = null) => ExpectAsync(PostAsync(orderId, "tenders", tender, key), HttpStatusCode.Created);

    public Task<JsonElement> CaptureAsync(Guid orderId, string purpose, decimal amount, string? key = null) =>
        ExpectAsync(PostAsync(orderId, "captures", new { purpose, amount, storeId = "SEATTLE" }, key), HttpStatusCode.OK);

    public Task<JsonElement> RefundAsync(Guid orderId, decimal amount, string? captureToken, string? key = null) =>
        ExpectAsync(PostAsync(orderId, "refunds", new { amount, captureToken, reason = "test" }, key), HttpStatusCode.OK);

    public Task<JsonElement> CancelAsync(Guid orderId, decimal cancellationCharge) =>
        ExpectAsync(PostAsync(orderId, "cancellation", new { cancellationCharge }), HttpStatusCode.OK);

    public Task<JsonElement> LedgerAsync(Guid orderId) => Gateway.GetFromJsonElementAsync($"/api/payments/orders/{orderId}");

    public Task<JsonElement> PaymentMethodsAsync(Guid orderId) => Gateway.GetFromJsonElementAsync($"/api/payments/orders/{orderId}/payment-methods");

    /// <summary>The ledger checked against the processor's own record of the order's calls: it must reconcile.</summary>
    public async Task<JsonElement> AssertReconcilesAsync(Guid orderId)
    {
        var view = await Gateway.GetFromJsonElementAsync($"/api/payments/orders/{orderId}/reconciliation");
        Assert.True(view.GetProperty("reconciles").GetBoolean(), view.GetProperty("differences").ToString());
        Assert.Equal(view.GetProperty("processor").GetProperty("captured").GetDecimal(), view.GetProperty("ledger").GetProperty("captured").GetDecimal());
        Assert.Equal(view.GetProperty("processor").GetProperty("refunded").GetDecimal(), view.GetProperty("ledger").GetProperty("refunded").GetDecimal());
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
