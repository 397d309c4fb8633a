using System.Net.Http.Json;
using System.Text.Json;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Order.Features.CardTenders;

/// <summary>The body of the Payment service's internal tender call (its <c>AddTenderRequest</c>).</summary>
public sealed record PaymentTenderCall(string ConfirmationNumber, string StoreId, string Channel, string TenderTypeId, string CardTypeId,
    string CardToken, decimal Amount, string Currency, decimal CaptureAmount, string Purpose, bool Prepayment);

/// <summary>What the Payment service answered for an accepted tender (its card token masked).</summary>
public sealed record PaymentTender(int TenderLineId, decimal AuthorizedAmount, DateTimeOffset AuthorizationExpiresAt, bool RecurringToken,
    string CardToken);

/// <summary>The Payment service said no (its status and stable code), or could not be reached.</summary>
public sealed record PaymentRefusal(int Status, string Code, string Detail);

/// <summary>
/// The Order service's call to the Payment service for a card the terminal took (<c>POST /internal/payments/orders/{id}/tenders</c>),
/// with this service's token (the route takes no other) and the terminal's Idempotency-Key: the standard resilience
/// handler may send it again, and the Payment service answers a repeat with the first outcome.
/// </summary>
public sealed class PaymentTenders(HttpClient http)
{
    public async Task<(PaymentTender? Tender, PaymentRefusal? Refusal)> AddAsync(Guid orderId, string idempotencyKey, PaymentTenderCall call,
        CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/internal/payments/orders/{orderId}/tenders")
            {
                Content = JsonContent.Create(call),
            };
            request.Headers.Add(IdempotentRequest.Header, idempotencyKey);
            using var response = await http.SendAsync(request, ct);
            if (response.IsSuccessStatusCode)
                return (await response.Content.ReadFromJsonAsync<PaymentTender>(ct), null);
            // The Payment service's word on the tender; its 401 or 403 would be about this service's token, not the terminal's.
            if ((int)response.StatusCode is 400 or 404 or 409 or 422 && await ProblemOf(response, ct) is { } refusal)
                return (null, refusal);
            return (null, Unavailable($"The Payment service answered {(int)response.StatusCode}."));
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                       or Polly.CircuitBreaker.BrokenCircuitException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (null, Unavailable(e.GetType().Name));
        }
    }

    private static PaymentRefusal Unavailable(string why) => new(StatusCodes.Status503ServiceUnavailable, "payment.unavailable",
        $"The payment could not be taken now ({why}); send the same request again with the same Idempotency-Key.");

    private static async Task<PaymentRefusal?> ProblemOf(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return problem.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? new PaymentRefusal((int)response.StatusCode, code.GetString()!,
                    problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "")
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
