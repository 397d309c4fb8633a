using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marten;
using OmniChannel.PaymentToken.Connectors;
using OmniChannel.PaymentToken.Payments;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.PaymentToken.Features;

/// <summary>What every payment-changing endpoint shares: the terminal's Idempotency-Key, request fingerprints, masking.</summary>
public static class PaymentHttp
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The key the terminal retries with; it becomes part of the processor's idempotency keys, so it is kept short and plain.</summary>
    public static (string? Key, IResult? Problem) IdempotencyKey(HttpRequest request)
    {
        var key = request.Headers[IdempotencyKeyHeader].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(key))
            return (null, ProblemCodes.BadRequest("idempotency_key.required", $"Send an {IdempotencyKeyHeader} header: the terminal's transaction id."));
        if (key.Length > 100 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            return (null, ProblemCodes.BadRequest("idempotency_key.invalid", "An Idempotency-Key is 1 to 100 letters, digits, '-', '_' or '.'."));
        return (key, null);
    }

    public static string Fingerprint(object request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));

    /// <summary>The same key again: the stored outcome if the request is the same, a conflict if it is not.</summary>
    public static IResult? Replay(OrderPayments? payments, string key, string fingerprint, Func<OrderPayments, RequestCompleted, IResult> respond)
    {
        if (payments?.Completed(key) is not { } done)
            return null;
        return done.Fingerprint == fingerprint
            ? respond(payments, done)
            : ProblemCodes.Conflict("idempotency_key.reused", $"Idempotency-Key '{key}' was used for another request on this order.");
    }

    public static PaymentEngine Engine(IDocumentSession session, IConnectors connectors, TimeProvider clock) =>
        new(new CommittingPaymentJournal(session), connectors, clock);

    public static IResult PaymentsNotFound(Guid orderId) =>
        ProblemCodes.NotFound("payments.not_found", $"Order {orderId} has no payments.");

    public static IResult InvalidAmount(string what) =>
        ProblemCodes.BadRequest("amount.invalid", $"{what} must be more than zero, in cents (2 decimals).");

    /// <summary>Card tokens are merchant secrets too: show only their last four characters.</summary>
    public static string Mask(string token) => token.Length <= 4 ? "****" : $"****{token[^4..]}";
}
