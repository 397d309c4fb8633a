using Marten;
using MassTransit;
using OmniChannel.Contracts.Payment;

namespace OmniChannel.PaymentToken.Features.TenderTypes;

/// <summary>Another service's projection of the tender types asks for them all (it starts, or missed some).</summary>
public sealed class PublishTenderTypesConsumer(IDocumentSession session) : IConsumer<PublishTenderTypes>
{
    public async Task Consume(ConsumeContext<PublishTenderTypes> context)
    {
        foreach (var tender in await session.Query<TenderType>().ToListAsync(context.CancellationToken))
            await context.Publish(tender.Changed());
    }
}
