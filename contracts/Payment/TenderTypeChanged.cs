namespace OmniChannel.Contracts.Payment;

/// <summary>
/// Published by Payment-Token, the owner of tender and card types (PAY-2), when a tender type is created or changed,
/// and again for every tender type each time it starts, so a service that keeps a projection catches up on what it
/// missed. It carries the whole tender type (its connectors stay Payment's own): a consumer replaces what it holds,
/// and ignores a <see cref="Revision"/> older than that.
/// </summary>
public sealed record TenderTypeChanged
{
    public required string TenderTypeId { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<string> CardTypeIds { get; init; }
    public required long Revision { get; init; }
}

/// <summary>
/// Asks Payment-Token to publish <see cref="TenderTypeChanged"/> for every tender type now. A projection asks as it
/// starts, once its queue is bound: what the owner published before that queue existed was dropped by the broker.
/// </summary>
public sealed record PublishTenderTypes
{
    public required string RequestedBy { get; init; }
}
