using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OmniChannel.Contracts.Processor;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.PaymentToken.Connectors;

/// <summary>
/// A connector over the processor's HTTP API (<see cref="ProcessorApi"/>), for one merchant account. Only a decision
/// is a result: a 200 answer, approved or declined, or the 409 of a key that holds another request (the engine stops
/// on it). Anything else throws, as an exception of the in-process emulator did: no connection, a timeout, a 5xx, a
/// body that is not an answer. The call's outcome is then unknown, never a decline: its journal entry stays pending
/// and it is made again under the same key, by the next request on the order or by PendingCallRecovery.
/// The processor's own words (a decline's reason, a problem's detail) travel on into events, answers and the logs of
/// whoever catches the exception: a card token they quote is masked first.
/// </summary>
public sealed class HttpConnector(string connectorId, string merchantId, bool cardPresent, HttpClient http) : IPaymentConnector
{
    public string ConnectorId => connectorId;

    public string MerchantId => merchantId;

    public bool CardPresent => cardPresent;

    public Task<ProcessorResult> VerifyAsync(string cardToken, CancellationToken ct) =>
        PostAsync(ProcessorApi.Verifications(merchantId), null, new VerifyCard(cardToken), ct, cardToken);

    public Task<ProcessorResult> AuthorizeAsync(string key, string cardToken, decimal amount, string currency, bool storedCredential, CancellationToken ct) =>
        PostAsync(ProcessorApi.Authorizations(merchantId), key, new AuthorizeCard(cardToken, amount, currency, cardPresent, storedCredential), ct,
            cardToken);

    public Task<ProcessorResult> CaptureAsync(string key, string authorizationToken, decimal amount, CancellationToken ct) =>
        PostAsync(ProcessorApi.Captures(merchantId), key, new CaptureAuthorization(authorizationToken, amount), ct);

    public Task<ProcessorResult> VoidAsync(string key, string authorizationToken, CancellationToken ct) =>
        PostAsync(ProcessorApi.Voids(merchantId), key, new VoidAuthorization(authorizationToken), ct);

    public Task<ProcessorResult> RefundAsync(string key, string captureToken, decimal amount, CancellationToken ct) =>
        PostAsync(ProcessorApi.Refunds(merchantId), key, new RefundCapture(captureToken, amount), ct);

    public async Task<IReadOnlyList<ProcessorOperation>> OperationsAsync(string keyPrefix, CancellationToken ct)
    {
        using var response = await http.GetAsync(ProcessorApi.Operations(merchantId, keyPrefix), ct);
        if (response.StatusCode != HttpStatusCode.OK)
            throw await NotADecisionAsync(response, ct);
        var operations = await response.Content.ReadFromJsonAsync<AnsweredOperations>(ct);
        return operations?.Operations?.Select(o => new ProcessorOperation(o.Key, o.Kind, Result(o.Answer))).ToList()
               ?? throw new ProcessorCallException("The processor's operations are not in its format.");
    }

    private async Task<ProcessorResult> PostAsync<T>(string path, string? key, T body, CancellationToken ct, string? cardToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
            request.Headers.Add(ProcessorApi.IdempotencyKeyHeader, key);
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.OK)
            return Result(await response.Content.ReadFromJsonAsync<ProcessorAnswer>(ct), cardToken);
        var refusal = await NotADecisionAsync(response, ct, cardToken);
        return refusal.Code == ProcessorApi.KeyReused ? ProcessorResult.Decline(ProcessorApi.KeyReused, refusal.Message) : throw refusal;
    }

    /// <summary>An answer the processor cannot have meant: approved without a token, declined without a code.</summary>
    private static ProcessorResult Result(ProcessorAnswer? answer, string? cardToken = null) => answer switch
    {
        { Outcome: ProcessorOutcome.Approved, Token: not null } => new(true, answer.Token, answer.Amount, answer.ExpiresAt, answer.RecurringToken),
        { Outcome: ProcessorOutcome.Declined, Code: not null } => ProcessorResult.Decline(answer.Code, Masked(answer.Reason ?? answer.Code, cardToken)!),
        _ => throw new ProcessorCallException("The processor's answer is neither an approval with a token nor a decline with a code."),
    };

    /// <summary>The processor's text with the card token of the call masked (PAY-12: tokens leave the service masked).</summary>
    public static string? Masked(string? text, string? cardToken) =>
        text is null || string.IsNullOrEmpty(cardToken) ? text : text.Replace(cardToken, CardTokens.Mask(cardToken), StringComparison.Ordinal);

    private static async Task<ProcessorCallException> NotADecisionAsync(HttpResponseMessage response, CancellationToken ct, string? cardToken = null)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        string? code = null, detail = null;
        try
        {
            using var problem = JsonDocument.Parse(text);
            if (problem.RootElement.ValueKind == JsonValueKind.Object)
            {
                code = problem.RootElement.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                detail = problem.RootElement.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // Not a problem details body (a proxy's error page): the status says enough.
        }
        return new ProcessorCallException($"The processor answered {(int)response.StatusCode} {code}: {Masked(detail, cardToken) ?? "no decision"}",
            response.StatusCode, code);
    }
}

/// <summary>The processor made no decision on the call (or none we can read): its outcome is unknown to us.</summary>
public sealed class ProcessorCallException(string message, HttpStatusCode? status = null, string? code = null) : Exception(message)
{
    public HttpStatusCode? Status { get; } = status;

    public string? Code { get; } = code;
}
