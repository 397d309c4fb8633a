using OmniChannel.Contracts.Payment;

namespace OmniChannel.PaymentToken.Features.TenderTypes;

/// <summary>
/// PAY-2: one tender type with its card types, the same ids on every channel; PAY-1: the connectors (merchant
/// accounts) that take it, card present for terminals and card not present for storefront and call center. Payment-Token
/// owns it; the others keep what they need of it from <see cref="TenderTypeChanged"/>, whose <see cref="Revision"/>
/// grows with every change.
/// </summary>
public sealed record TenderType(string TenderTypeId, string Name, IReadOnlyList<CardType> CardTypes, IReadOnlyList<Connector> Connectors,
    long Revision = 1)
{
    public TenderTypeChanged Changed() => new()
    {
        TenderTypeId = TenderTypeId, Name = Name, CardTypeIds = CardTypes.Select(c => c.CardTypeId).ToList(), Revision = Revision,
    };
}

public sealed record CardType(string CardTypeId, string Name);

public sealed record Connector(string ConnectorId, string MerchantId, bool CardPresent);
