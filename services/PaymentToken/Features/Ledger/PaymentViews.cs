using OmniChannel.PaymentToken.Payments;

namespace OmniChannel.PaymentToken.Features.Ledger;

public sealed record AuthorizationView(string AuthorizationToken, decimal Amount, decimal Captured, decimal Voided, decimal Expired, decimal Open,
    DateTimeOffset ExpiresAt);

public sealed record CaptureView(string CaptureToken, string AuthorizationToken, decimal Amount, decimal Refunded, TenderPurpose Purpose,
    DateTimeOffset At);

public sealed record TenderLineView(int TenderLineId, Channel Channel, string? StoreId, string TenderTypeId, string CardTypeId, string ConnectorId,
    string MerchantId, bool CardPresent, string CardToken, bool RecurringToken, bool Prepayment, IReadOnlyList<AuthorizationView> Authorizations,
    IReadOnlyList<CaptureView> Captures, decimal AwaitingReauthorization, string? UnusableCode);

public sealed record DeclinedTenderView(int TenderLineId, Channel Channel, string TenderTypeId, string CardTypeId, string CardToken, decimal Amount,
    string Code, string Reason, DateTimeOffset At);

public sealed record RefundView(int TenderLineId, string CaptureToken, decimal Amount, string RefundToken, DateTimeOffset At);

public sealed record EventView(long Version, string Type, DateTimeOffset Timestamp, object Data);

/// <summary>The order's payment ledger: totals that reconcile, every tender line, and the history of its events.</summary>
public sealed record LedgerView(Guid OrderId, string? ConfirmationNumber, string Currency, LedgerTotals Totals, IReadOnlyList<TenderLineView> TenderLines,
    IReadOnlyList<DeclinedTenderView> Declined, IReadOnlyList<RefundView> Refunds, int PendingProcessorCalls, IReadOnlyList<EventView> History);

public static class PaymentViews
{
    public static TenderLineView Of(TenderLine line) => new(line.Id, line.Tender.Channel, line.Tender.StoreId, line.Tender.TenderTypeId,
        line.Tender.CardTypeId, line.Tender.ConnectorId, line.Tender.MerchantId, line.Tender.CardPresent, PaymentHttp.Mask(line.Tender.CardToken),
        line.RecurringToken, line.Tender.Prepayment,
        line.Authorizations.Select(a => new AuthorizationView(a.Token, a.Amount, a.Captured, a.Voided, a.Lapsed, a.Open, a.ExpiresAt)).ToList(),
        line.Captures.Select(c => new CaptureView(c.Token, c.AuthorizationToken, c.Amount, c.Refunded, c.Purpose, c.At)).ToList(),
        line.UnusableCode is null ? line.PendingReauthorization : 0m, line.UnusableCode);

    public static LedgerView Of(OrderPayments p, IReadOnlyList<EventView> history) => new(p.Id, p.ConfirmationNumber, p.Currency, LedgerTotals.Of(p),
        p.Tenders.Select(Of).ToList(),
        p.Declined.Select(d => new DeclinedTenderView(d.TenderLineId, d.Tender.Channel, d.Tender.TenderTypeId, d.Tender.CardTypeId,
            PaymentHttp.Mask(d.Tender.CardToken), d.Amount, d.Code, d.Reason, d.At)).ToList(),
        p.Refunds.Select(r => new RefundView(r.TenderLineId, r.CaptureToken, r.Amount, r.Token, r.At)).ToList(),
        p.Pending.Count, history);
}
