using OmniChannel.PaymentToken.Payments;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.PaymentToken.Features.Tenders;

/// <summary>Adds one tender line for a request: authorize, then capture what is due now; a failed capture voids the authorization.</summary>
public static class TenderPlan
{
    public const string Operation = "tender";

    /// <summary>
    /// A tender request makes one line, whose id is only known once recorded: its processor keys leave the id out, so a
    /// consumer handling the message again (after a crash, with other lines added meanwhile) asks the same questions.
    /// </summary>
    private const int NewLine = 0;

    public static PaymentStep Next(OrderPayments s, NewTender t, TenderDecision d, string requestKey, string fingerprint, DateTimeOffset now)
    {
        if (s.Completed(requestKey) is not null)
            return PaymentStep.Finished;
        if (d.Refusal is { } refused)
            return PaymentStep.Record(
                new TenderDeclined(s.NextTenderLineId, t.Tender, t.Amount, refused.Code, refused.Detail, null, requestKey, now),
                Done(requestKey, fingerprint, d, 0m, refused.Code, refused.Detail, now));

        var line = s.Tenders.FirstOrDefault(l => l.RequestKey == requestKey);
        if (line is null)
        {
            if (s.Declined.FirstOrDefault(x => x.RequestKey == requestKey) is { } declined)
                return PaymentStep.Record(Done(requestKey, fingerprint, d, 0m, declined.Code, declined.Reason, now));
            var id = s.NextTenderLineId;
            return PaymentStep.Ask(new ProcessorCall(s.KeyFor(requestKey, NewLine, CallKind.Authorize), CallKind.Authorize, requestKey, id,
                d.Authorize, t.Tender.CardToken, t.Purpose, t.Tender));
        }

        var auth = line.Current!;
        var captured = s.CapturedFor(requestKey);
        if (d.Capture > captured)
        {
            if (s.Failure(requestKey, line.Id, CallKind.Capture, auth.Token) is not { } failed)
                return PaymentStep.Ask(new ProcessorCall(s.KeyFor(requestKey, NewLine, CallKind.Capture), CallKind.Capture, requestKey, line.Id,
                    d.Capture - captured, auth.Token, t.Purpose));
            if (auth.Open > 0)
                return PaymentStep.Ask(new ProcessorCall(s.KeyFor(requestKey, NewLine, CallKind.Void), CallKind.Void, requestKey, line.Id,
                    auth.Open, auth.Token, t.Purpose));
            return PaymentStep.Record(Done(requestKey, fingerprint, d, captured, failed.Code, failed.Reason, now));
        }
        return PaymentStep.Record(Done(requestKey, fingerprint, d, captured, null, null, now));
    }

    private static RequestCompleted Done(string requestKey, string fingerprint, TenderDecision d, decimal captured, string? code, string? reason,
        DateTimeOffset now) =>
        new(requestKey, Operation, fingerprint, d.Capture, captured, d.Capture - captured, code, reason, now);
}
