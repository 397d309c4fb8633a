using OmniChannel.Contracts.Payment;
using OmniChannel.PaymentToken.Features.Tenders;
using OmniChannel.PaymentToken.Features.TenderTypes;
using OmniChannel.PaymentToken.Payments;

namespace OmniChannel.PaymentToken.Features.Deposits;

public static class DepositTender
{
    /// <summary>
    /// The Order saga's deposit as a tender line: a card present swipe at the order's store that authorizes the deposit
    /// and <see cref="CaptureDeposit.BalanceToAuthorize"/> (PAY-5) and captures the deposit; refused when the tender
    /// type, card type or amount is not acceptable (recorded as a declined tender all the same).
    /// </summary>
    public static (NewTender Tender, Refusal? Refusal) From(CaptureDeposit request, TenderType? tenderType)
    {
        var (connector, refusal) = TenderRules.Connector(tenderType, request.TenderTypeId, request.CardTypeId, Channel.Store);
        var balance = Math.Max(0m, request.BalanceToAuthorize ?? 0m);
        var card = new CardTender(Channel.Store, request.StoreId, request.TenderTypeId, request.CardTypeId, connector?.ConnectorId ?? "none",
            connector?.MerchantId ?? "none", CardPresent: true, request.CardToken, Prepayment: true);
        var tender = new NewTender(card, request.Amount + balance, request.Amount, TenderPurpose.Deposit);
        if (refusal is null && (!Money.IsValidAmount(request.Amount) || balance != Money.Round(balance) || request.Currency != Money.Currency))
            refusal = new Refusal("amount.invalid", $"A deposit must be more than zero, in {Money.Currency} cents.");
        return (tender, refusal);
    }
}
