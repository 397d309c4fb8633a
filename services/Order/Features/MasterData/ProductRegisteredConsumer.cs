using Marten;
using MassTransit;
using OmniChannel.Contracts.Inventory;

namespace OmniChannel.Order.Features.MasterData;

/// <summary>Keeps order taking's view of the product master current (new SKUs, the ORD-12 revenue-recognition flag, ECM-4's identifiers).</summary>
public sealed class ProductRegisteredConsumer(IDocumentSession session) : IConsumer<ProductRegistered>
{
    public async Task Consume(ConsumeContext<ProductRegistered> context)
    {
        var message = context.Message;
        var current = await session.LoadAsync<ProductInfo>(message.Sku, context.CancellationToken);
        if (current is not null && current.Revision >= message.Revision)
            return;
        session.Store(new ProductInfo(message.Sku, message.Name, message.RevenueRecognition, message.Revision));
        session.Store(new ProductIdentifiers(message.Sku, message.Name, message.Upc, message.VendorPartNumber, message.Mpn)); // ECM-4's matching
        await session.SaveChangesAsync(context.CancellationToken);
    }
}
