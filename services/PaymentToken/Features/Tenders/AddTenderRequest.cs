using OmniChannel.PaymentToken.Features.TenderTypes;
using OmniChannel.PaymentToken.Payments;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.PaymentToken.Features.Tenders;

/// <summary>
/// A card tender for an order from any channel: authorize <see cref="Amount"/> and capture <see cref="CaptureAmount"/>
/// of it now. A store deposit with one swipe: amount = the order total, captureAmount = the deposit (PAY-5). An online
/// or call-center order: amount = the total, nothing captured (PAY-3, PAY-4). A different card at pickup: amount =
/// captureAmount = what is due (PAY-8). A second card for the fulfillment (PAY-7): amount = the balance, nothing captured.
/// <see cref="Currency"/> is the order's (its store's): the first tender opens the order's payments in it, and every
/// later tender must be in it too.
/// </summary>
public sealed record AddTenderRequest(
    string? ConfirmationNumber,
    string? StoreId,
    string? Channel,
    string? TenderTypeId,
    string? CardTypeId,
    string? CardToken,
    decimal Amount,
    string? Currency,
    decimal? CaptureAmount,
    string? Purpose,
    bool? Prepayment)
{
    public (NewTender?, Refusal?) Validate(TenderType? tenderType)
    {
        if (!Enum.TryParse<Channel>(Channel ?? nameof(Payments.Channel.Store), ignoreCase: true, out var channel) || !Enum.IsDefined(channel))
            return (null, new("tender.channel_unknown", "channel is store, online or callCenter."));
        if (string.IsNullOrWhiteSpace(CardToken))
            return (null, new("card.token_required", "A cardToken is required."));
        if (!TenderRules.IsCardToken(CardToken))
            return (null, new("card.token_invalid", "A cardToken is up to 255 characters, none a control character."));
        if (TenderRules.LooksLikeCardNumber(CardToken))
            return (null, new("card.number_refused", "Send a card token, never a card number (PAY-12)."));
        if (!CurrencyCode.IsValid(Currency))
            return (null, new("currency.invalid", "currency is the order's ISO 4217 code, such as USD."));
        if (!Money.IsValidAmount(Amount, Currency))
            return (null, new("amount.invalid", $"amount is more than zero, at most {CurrencyCode.MaximumAmount}, with at most {CurrencyCode.MinorDigits(Currency)} decimals in {Currency}."));
        var capture = CaptureAmount ?? 0m;
        if (capture > Amount || !CurrencyCode.IsValidAmountOrZero(capture, Currency))
            return (null, new("amount.capture_invalid", "captureAmount is between 0 and amount, in the currency's minor units."));

        var defaultPurpose = channel == Payments.Channel.Store ? TenderPurpose.Deposit : TenderPurpose.Prepayment;
        if (!Enum.TryParse<TenderPurpose>(Purpose ?? defaultPurpose.ToString(), ignoreCase: true, out var purpose) || !Enum.IsDefined(purpose))
            return (null, new("tender.purpose_unknown", "purpose is deposit, prepayment, pickup or invoice."));
        if (channel == Payments.Channel.CallCenter)
        {
            // PAY-4: a call-center payment is recognized at a POS cancellation only as a prepayment.
            if (Prepayment == false)
                return (null, new("tender.prepayment_required", "A call-center payment is recorded as a prepayment (PAY-4)."));
            purpose = TenderPurpose.Prepayment;
        }

        var (connector, refusal) = TenderRules.Connector(tenderType, TenderTypeId, CardTypeId, channel);
        if (refusal is not null)
            return (null, refusal);
        var prepayment = channel == Payments.Channel.CallCenter || (Prepayment ?? purpose is TenderPurpose.Deposit or TenderPurpose.Prepayment);
        var tender = new CardTender(channel, StoreId, tenderType!.TenderTypeId, CardTypeId!, connector!.ConnectorId, connector.MerchantId,
            connector.CardPresent, CardToken, prepayment);
        return (new NewTender(tender, Amount, capture, purpose), null);
    }
}
