using OmniChannel.PaymentToken.Connectors;
using OmniChannel.PaymentToken.Features.TenderTypes;
using OmniChannel.PaymentToken.Payments;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.PaymentToken.Features.Tenders;

/// <summary>A tender to add: authorize <see cref="Amount"/> on the card, and capture <see cref="Capture"/> of it at once.</summary>
public sealed record NewTender(CardTender Tender, decimal Amount, decimal Capture, TenderPurpose Purpose);

/// <summary>What the processor's verification of the card lets us do with the tender.</summary>
public sealed record TenderDecision(decimal Authorize, decimal Capture, bool SecondCardRequired, Refusal? Refusal = null)
{
    public static TenderDecision Refuse(string code, string reason) => new(0m, 0m, false, new Refusal(code, reason));
}

public static class TenderRules
{
    /// <summary>
    /// PAY-2: tender type and card type ids are one mapping for every channel; PAY-1: a store terminal tenders through
    /// the card present connector, the storefront and the call center through the card not present one.
    /// </summary>
    public static (Connector?, Refusal?) Connector(TenderType? tenderType, string? tenderTypeId, string? cardTypeId, Channel channel)
    {
        if (tenderType is null)
            return (null, new("tender_type.unknown", $"Tender type '{tenderTypeId}' is not accepted."));
        if (tenderType.CardTypes.All(c => c.CardTypeId != cardTypeId))
            return (null, new("card_type.unknown", $"Card type '{cardTypeId}' is not a card type of tender type '{tenderType.TenderTypeId}'."));
        var cardPresent = channel == Channel.Store;
        return tenderType.Connectors.FirstOrDefault(c => c.CardPresent == cardPresent) is { } connector
            ? (connector, null)
            : (null, new("connector.unavailable", $"No {(cardPresent ? "card present" : "card not present")} connector takes '{tenderType.TenderTypeId}'."));
    }

    /// <summary>
    /// PAY-5: a single swipe authorizes the deposit and the rest, and captures the deposit; a 100 % deposit is captured
    /// at once and leaves nothing authorized. PAY-7: at a store, a card that cannot give a recurring token pays the
    /// deposit only (legacy flow) and the customer is asked for a second card for the rest; a second card that cannot
    /// either is refused, and the cashier asks for another one.
    /// </summary>
    public static TenderDecision Decide(NewTender tender, ProcessorResult verification)
    {
        if (!verification.Approved)
            return TenderDecision.Refuse(verification.Code!, verification.Reason!);
        var leavesAuthorization = tender.Amount > tender.Capture;
        if (tender.Tender.Channel == Channel.Store && leavesAuthorization && !verification.RecurringToken)
            return tender.Capture > 0
                ? new TenderDecision(tender.Capture, tender.Capture, SecondCardRequired: true)
                : TenderDecision.Refuse("card.recurring_token_unavailable",
                    "This card cannot give a recurring card token for the later fulfillment: ask the customer for another card.");
        return new TenderDecision(tender.Amount, tender.Capture, SecondCardRequired: false);
    }

    /// <summary>What the processor takes as a card token: up to 255 characters, none a control character.</summary>
    public static bool IsCardToken(string value) => value.Length is >= 1 and <= 255 && !value.Any(char.IsControl);

    public static bool LooksLikeCardNumber(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        return digits is >= 12 and <= 19 && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '-');
    }
}
