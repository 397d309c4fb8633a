using Marten;
using MassTransit;
using OmniChannel.Contracts.Inventory;

namespace OmniChannel.Pricing.Features.Products;

/// <summary>
/// Keeps base prices in step with the product master. Idempotent and order-tolerant: a redelivered or late
/// message with a revision not newer than the one held changes nothing.
/// </summary>
public sealed class ProductRegisteredConsumer(IDocumentSession session, ILogger<ProductRegisteredConsumer> logger)
    : IConsumer<ProductRegistered>
{
    public async Task Consume(ConsumeContext<ProductRegistered> context)
    {
        var message = context.Message;
        var current = await session.LoadAsync<ProductPrice>(message.Sku, context.CancellationToken);
        if (current is not null && current.Revision >= message.Revision)
        {
            logger.LogDebug("Ignoring revision {Revision} of {Sku}: revision {Held} is held", message.Revision, message.Sku, current.Revision);
            return;
        }

        session.Store(new ProductPrice(message.Sku, message.Name, message.BasePrice, message.Currency,
            message.PriceOverrideAllowed, message.Discountable, message.Revision));
        await session.SaveChangesAsync(context.CancellationToken);
        logger.LogInformation("Base price of {Sku} is now {Price} {Currency} (revision {Revision})",
            message.Sku, message.BasePrice, message.Currency, message.Revision);
    }
}
