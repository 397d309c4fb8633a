using Marten;
using MassTransit;
using OmniChannel.Contracts.Inventory;

namespace OmniChannel.Pickup.Features.Products;

/// <summary>What the counter knows of a product (Inventory-Allocation owns it): the name a receipt prints, the UPC receiving scans.</summary>
public sealed record PickupProduct(string Sku, string Name, string? Upc, long Revision);

/// <summary>Keeps <see cref="PickupProduct"/> as Inventory-Allocation registers and changes products; a late older revision changes nothing.</summary>
public sealed class ProductRegisteredConsumer(IDocumentSession session) : IConsumer<ProductRegistered>
{
    public async Task Consume(ConsumeContext<ProductRegistered> context)
    {
        var product = context.Message;
        if (await session.LoadAsync<PickupProduct>(product.Sku, context.CancellationToken) is { } known && known.Revision >= product.Revision)
            return;
        session.Store(new PickupProduct(product.Sku, product.Name, product.Upc, product.Revision));
        await session.SaveChangesAsync(context.CancellationToken);
    }
}
