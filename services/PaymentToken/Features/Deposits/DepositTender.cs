using OmniChannel.Contracts.Payment;
using OmniChannel.PaymentToken.Features.Tenders;
using OmniChannel.PaymentToken.Features.TenderTypes;
using OmniChannel.PaymentToken.Payments;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.PaymentToken.Features.Deposits;

public static class DepositTender
{
    /// <summary>
    /// The Order saga's payment at order time as a tender line. At a store: a card present swipe at the order's store
    /// that authorizes the deposit and <see cref="CaptureDeposit.BalanceToAuthorize"/> (PAY-5) and captures the deposit.
    /// From the storefront or the call center: the card not present connector (PAY-1); the storefront's checkout only
    /// authorizes (Amount 0, PAY-3), the call center's payment is captured as a prepayment (PAY-4). Refused when the
    /// channel, tender type, card type, amount or currency is not acceptable (recorded as a declined tender all the same).
    /// </summary>
    /// <param name="ledgerCurrency">The currency of the order's payments when they are open already; the deposit must be in it.</param>
    public static (NewTender Tender, Refusal? Refusal) From(CaptureDeposit request, TenderType? tenderType, string? ledgerCurrency)
    {
        Channel? known = request.Channel switch
        {
            SalesChannel.Store => Channel.Store,
            SalesChannel.Online => Channel.Online,
            SalesChannel.CallCenter => Channel.CallCenter,
            _ => null,
        };
        var channel = known ?? Channel.Store;
        var (connector, refusal) = known is not null
            ? TenderRules.Connector(tenderType, request.TenderTypeId, request.CardTypeId, channel)
            : (null, new Refusal("tender.channel_unknown", $"Channel '{request.Channel}' is not Store, Online or CallCenter."));
        var balance = Math.Max(0m, request.BalanceToAuthorize ?? 0m);
        var card = new CardTender(channel, request.StoreId, request.TenderTypeId, request.CardTypeId, connector?.ConnectorId ?? "none",
            connector?.MerchantId ?? "none", CardPresent: channel == Channel.Store, request.CardToken, Prepayment: true);
        var purpose = channel == Channel.Store ? TenderPurpose.Deposit : TenderPurpose.Prepayment;
        var tender = new NewTender(card, request.Amount + balance, request.Amount, purpose);
        if (refusal is null && !TenderRules.IsCardToken(request.CardToken ?? ""))
            refusal = new Refusal("card.token_invalid", "A card token is up to 255 characters, none a control character.");
        if (refusal is null && (!CurrencyCode.IsValid(request.Currency) || !ValidAmounts(request.Amount, balance, channel, request.Currency)
                || request.Currency != (ledgerCurrency ?? request.Currency)))
            refusal = new Refusal("amount.invalid", $"A deposit must be more than zero, in the minor units of the order's currency{(ledgerCurrency is null ? "" : $" ({ledgerCurrency})")}.");
        return (tender, refusal);
    }

    /// <summary>A store swipe captures a deposit; a card not present checkout may capture nothing, but must authorize something.</summary>
    private static bool ValidAmounts(decimal amount, decimal balance, Channel channel, string currency) =>
        CurrencyCode.IsValidAmountOrZero(balance, currency) && (channel == Channel.Store
            ? Money.IsValidAmount(amount, currency)
            : CurrencyCode.IsValidAmountOrZero(amount, currency) && amount + balance > 0);
}
