using OmniChannel.PaymentToken.Connectors;

namespace OmniChannel.PaymentToken.Payments;

/// <summary>The events a processor's answer to a journaled call stands for.</summary>
public static class CallOutcome
{
    public static object Of(ProcessorCall call, ProcessorResult result, DateTimeOffset now)
    {
        var (line, key, request) = (call.TenderLineId, call.Key, call.RequestKey);
        return (call.Kind, result.Approved) switch
        {
            (CallKind.Authorize, true) => new TenderAuthorized(line, call.NewTender!, result.Amount, result.Token!, result.ExpiresAt!.Value,
                result.RecurringToken, key, request, now),
            (CallKind.Authorize, false) => new TenderDeclined(line, call.NewTender!, call.Amount, result.Code!, result.Reason!, key, request, now),
            (CallKind.Reauthorize, true) => new TenderReauthorized(line, result.Amount, result.Token!, result.ExpiresAt!.Value, key, request, now),
            (CallKind.Reauthorize, false) => new ReauthorizationFailed(line, call.Amount, result.Code!, result.Reason!, key, request, now),
            (CallKind.Capture, true) => new TenderCaptured(line, call.Token, result.Amount, result.Token!, call.Purpose, key, request, now),
            (CallKind.Capture, false) => new CaptureFailed(line, call.Token, call.Amount, result.Code!, result.Reason!, key, request, now),
            // The processor voids what it still holds, which is what we hold open.
            (CallKind.Void, true) => new AuthorizationVoided(line, call.Token, call.Amount, call.Reauthorize, key, request, now),
            // Expired, voided already or unknown to the processor: it holds nothing for us any more.
            (CallKind.Void, false) => new AuthorizationLapsed(line, call.Token, call.Amount, result.Code!, call.Reauthorize, key, request, now),
            (CallKind.Refund, true) => new TenderRefunded(line, call.Token, result.Amount, result.Token!, key, request, now),
            (CallKind.Refund, false) => new RefundFailed(line, call.Token, call.Amount, result.Code!, result.Reason!, key, request, now),
            _ => throw new ArgumentOutOfRangeException(nameof(call), call.Kind, null),
        };
    }
}
