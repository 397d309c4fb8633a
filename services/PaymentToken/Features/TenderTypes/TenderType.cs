namespace OmniChannel.PaymentToken.Features.TenderTypes;

/// <summary>
/// PAY-2: one tender type with its card types, the same ids on every channel; PAY-1: the connectors (merchant
/// accounts) that take it, card present for terminals and card not present for storefront and call center.
/// </summary>
public sealed record TenderType(string TenderTypeId, string Name, IReadOnlyList<CardType> CardTypes, IReadOnlyList<Connector> Connectors);

public sealed record CardType(string CardTypeId, string Name);

public sealed record Connector(string ConnectorId, string MerchantId, bool CardPresent);
