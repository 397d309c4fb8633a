using Marten;
using OmniChannel.PaymentToken.Connectors;
using OmniChannel.PaymentToken.Payments;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.PaymentToken.Features;

/// <summary>
/// What every payment-changing endpoint shares beyond <see cref="IdempotentRequest"/>: the replay of a request the order's
/// payments completed, the engine, masking.
/// </summary>
public static class PaymentHttp
{
    /// <summary>The same key again: the stored outcome if the request is the same, a conflict if it is not.</summary>
    public static IResult? Replay(OrderPayments? payments, string key, string fingerprint, Func<OrderPayments, RequestCompleted, IResult> respond)
    {
        if (payments?.Completed(key) is not { } done)
            return null;
        return IdempotentRequest.Replay(done.Fingerprint, fingerprint, () => respond(payments, done),
            () => IdempotentRequest.Reused("another request on this order"));
    }

    public static PaymentEngine Engine(IDocumentSession session, IConnectors connectors, TimeProvider clock) =>
        new(new CommittingPaymentJournal(session), connectors, clock);

    public static IResult PaymentsNotFound(Guid orderId) =>
        ProblemCodes.NotFound("payments.not_found", $"Order {orderId} has no payments.");

    /// <summary>Card tokens are merchant secrets too: show only their last four characters.</summary>
    public static string Mask(string token) => CardTokens.Mask(token);
}
