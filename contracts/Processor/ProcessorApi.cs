using System.Text.Json.Serialization;

namespace OmniChannel.Contracts.Processor;

/// <summary>
/// The acquirer API of the processor emulator, as the Payment-Token service's connector calls it: one merchant account
/// per path, card, authorization and capture tokens in the body (never in a URL, where logs and traces would keep
/// them), and the caller's idempotency key in a header. A processed request is answered 200 with a
/// <see cref="ProcessorAnswer"/>, approved or declined; anything else means the request was not processed as asked
/// (a 4xx problem with a stable <c>code</c>) or its outcome is unknown (a 5xx, a timeout, no connection).
/// </summary>
public static class ProcessorApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The problem code of a 409: the key holds another request of the merchant; nothing was done.</summary>
    public const string KeyReused = "idempotency.key_reused";

    public static string Verifications(string merchantId) => Merchant(merchantId, "verifications");

    public static string Authorizations(string merchantId) => Merchant(merchantId, "authorizations");

    public static string Captures(string merchantId) => Merchant(merchantId, "captures");

    public static string Voids(string merchantId) => Merchant(merchantId, "voids");

    public static string Refunds(string merchantId) => Merchant(merchantId, "refunds");

    public static string Operations(string merchantId, string keyPrefix) =>
        $"{Merchant(merchantId, "operations")}?keyPrefix={Uri.EscapeDataString(keyPrefix)}";

    private static string Merchant(string merchantId, string resource) => $"merchants/{Uri.EscapeDataString(merchantId)}/{resource}";
}

/// <summary>A zero-amount account verification: is the card good, and can its token be stored for later charges? No key: it changes nothing.</summary>
public sealed record VerifyCard(string CardToken);

/// <param name="StoredCredential">A merchant-initiated charge on a stored card token (re-authorization, PAY-9).</param>
public sealed record AuthorizeCard(string CardToken, decimal Amount, string Currency, bool CardPresent, bool StoredCredential);

public sealed record CaptureAuthorization(string AuthorizationToken, decimal Amount);

public sealed record VoidAuthorization(string AuthorizationToken);

public sealed record RefundCapture(string CaptureToken, decimal Amount);

[JsonConverter(typeof(JsonStringEnumConverter<ProcessorOutcome>))]
public enum ProcessorOutcome { Approved, Declined }

/// <summary>
/// The processor's decision. Approved: <see cref="Token"/> is the card (verify), authorization (authorize, void),
/// capture or refund token, <see cref="Amount"/> what it authorized, captured, released or refunded. Declined:
/// <see cref="Code"/> and <see cref="Reason"/> say why (<c>card.declined</c>, <c>authorization.expired</c>, …).
/// </summary>
public sealed record ProcessorAnswer(
    ProcessorOutcome Outcome,
    string? Token = null,
    decimal Amount = 0m,
    DateTimeOffset? ExpiresAt = null,
    bool RecurringToken = false,
    string? Code = null,
    string? Reason = null);

/// <summary>One operation the processor answered under a key: its kind (authorize, capture, void, refund) and its answer.</summary>
public sealed record AnsweredOperation(string Key, string Kind, ProcessorAnswer Answer);

public sealed record AnsweredOperations(IReadOnlyList<AnsweredOperation> Operations);
