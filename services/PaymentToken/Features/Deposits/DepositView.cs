using OmniChannel.PaymentToken.Payments;

namespace OmniChannel.PaymentToken.Features.Deposits;

/// <summary>Authorized: a storefront checkout that captured nothing and holds the whole order authorized (PAY-3).</summary>
public enum DepositStatus { Captured, Declined, Refunded, Authorized }

/// <summary>
/// An order's deposit as GET .../deposit shows it (status, amount, tokens; captureToken null when declined) and what
/// the single swipe left authorized (PAY-5).
/// </summary>
public sealed record DepositView(
    Guid Id,
    string? ConfirmationNumber,
    string? StoreId,
    string TenderTypeId,
    string CardTypeId,
    string ConnectorId,
    string CardToken,
    decimal Amount,
    string Currency,
    DepositStatus Status,
    string? AuthorizationToken,
    string? CaptureToken,
    string? DeclineCode,
    string? DeclineReason,
    decimal RefundedAmount,
    DateTimeOffset At,
    int TenderLineId,
    decimal AuthorizedAmount,
    decimal OpenAuthorization,
    DateTimeOffset? AuthorizationExpiresAt,
    bool RecurringToken)
{
    /// <summary>The deposit's request key in the order's payments: one deposit per order.</summary>
    public const string RequestKey = "deposit";

    /// <summary>The deposit once it is decided (captured or declined); null before.</summary>
    public static DepositView? Of(OrderPayments payments)
    {
        if (payments.Completed(RequestKey) is not { } done)
            return null;
        var line = payments.Tenders.FirstOrDefault(t => t.RequestKey == RequestKey);
        var capture = line?.Captures.FirstOrDefault(c => c.RequestKey == RequestKey);
        if (line is not null && capture is null && done.Code is null && done.Requested == 0m)
        {
            var authorization = line.Authorizations[0];
            return new DepositView(payments.Id, payments.ConfirmationNumber, line.Tender.StoreId, line.Tender.TenderTypeId, line.Tender.CardTypeId,
                line.Tender.ConnectorId, line.Tender.CardToken, 0m, payments.Currency, DepositStatus.Authorized, authorization.Token, null, null, null,
                0m, done.At, line.Id, authorization.Amount, line.Current!.Open, authorization.ExpiresAt, line.RecurringToken);
        }
        if (line is null || capture is null)
        {
            var tender = line?.Tender ?? payments.Declined.First(d => d.RequestKey == RequestKey).Tender;
            var id = line?.Id ?? payments.Declined.First(d => d.RequestKey == RequestKey).TenderLineId;
            return new DepositView(payments.Id, payments.ConfirmationNumber, tender.StoreId, tender.TenderTypeId, tender.CardTypeId, tender.ConnectorId,
                tender.CardToken, done.Requested, payments.Currency, DepositStatus.Declined, line?.Authorizations[0].Token, null,
                done.Code ?? "card.declined", done.Reason ?? "", 0m, done.At, id, 0m, 0m, null, line?.RecurringToken ?? false);
        }
        var auth = line.Authorizations[0];
        return new DepositView(payments.Id, payments.ConfirmationNumber, line.Tender.StoreId, line.Tender.TenderTypeId, line.Tender.CardTypeId,
            line.Tender.ConnectorId, line.Tender.CardToken, capture.Amount, payments.Currency,
            capture.Refunded >= capture.Amount ? DepositStatus.Refunded : DepositStatus.Captured, auth.Token, capture.Token, null, null,
            capture.Refunded, done.At, line.Id, auth.Amount, line.Current!.Open, auth.ExpiresAt, line.RecurringToken);
    }
}
