using OmniChannel.PaymentToken.Payments;

namespace OmniChannel.PaymentToken.Features.Voids;

/// <param name="TenderLineId">Void this line's authorization only; otherwise every open authorization of the order.</param>
public sealed record VoidRequest(string RequestKey, string Fingerprint, int? TenderLineId);

/// <summary>
/// Releases what the order's authorizations still hold (a cancelled order, or a card the customer no longer wants
/// used), through the connector that authorized it (PAY-1). An authorization already expired is recorded as released
/// without asking; an amount waiting for re-authorization is dropped.
/// </summary>
public static class VoidPlan
{
    public const string Operation = "void";

    public static PaymentStep Next(OrderPayments s, VoidRequest r, DateTimeOffset now)
    {
        if (s.Completed(r.RequestKey) is not null)
            return PaymentStep.Finished;
        foreach (var line in s.Tenders.Where(t => r.TenderLineId is null || t.Id == r.TenderLineId))
        {
            if (line.Current is { Open: > 0 } auth)
                return auth.IsValidAt(now)
                    ? PaymentStep.Ask(new ProcessorCall(s.KeyFor(r.RequestKey, line.Id, CallKind.Void), CallKind.Void, r.RequestKey, line.Id,
                        auth.Open, auth.Token, TenderPurpose.Pickup))
                    : PaymentStep.Record(new AuthorizationLapsed(line.Id, auth.Token, auth.Open, "authorization.expired", false, null, r.RequestKey, now));
            if (line is { PendingReauthorization: > 0, UnusableCode: null })
                return PaymentStep.Record(new ReauthorizationFailed(line.Id, line.PendingReauthorization, "authorization.cancelled",
                    "Released on request: not to be re-authorized.", null, r.RequestKey, now));
        }
        return PaymentStep.Record(new RequestCompleted(r.RequestKey, Operation, r.Fingerprint, 0m, 0m, 0m, null, null, now));
    }
}
