using Marten;
using MassTransit;
using OmniChannel.Contracts.Payment;

namespace OmniChannel.Order.Features.MasterData;

/// <summary>
/// Order taking's projection of Payment-Token's tender and card types, local for the reason
/// <see cref="FulfillmentGroupProjection"/> gives; Payment republishes every tender type at each start and when asked.
/// </summary>
public static class TenderTypeProjection
{
    /// <summary>The tender type to store, or null when what is held is as new already (a late or repeated message).</summary>
    public static AcceptedTender? Apply(AcceptedTender? current, TenderTypeChanged changed) =>
        current is not null && current.Revision >= changed.Revision
            ? null
            : new AcceptedTender(changed.TenderTypeId, changed.CardTypeIds.ToList(), changed.Revision);
}

public sealed class TenderTypeChangedConsumer(IDocumentSession session) : IConsumer<TenderTypeChanged>
{
    public async Task Consume(ConsumeContext<TenderTypeChanged> context)
    {
        var current = await session.LoadAsync<AcceptedTender>(context.Message.TenderTypeId, context.CancellationToken);
        if (TenderTypeProjection.Apply(current, context.Message) is not { } tender)
            return;
        session.Store(tender);
        await session.SaveChangesAsync(context.CancellationToken);
    }
}
