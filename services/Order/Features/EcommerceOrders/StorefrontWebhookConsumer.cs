using Marten;
using MassTransit;
using OmniChannel.Order.Ecommerce;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Features.StorefrontWebhooks;

namespace OmniChannel.Order.Features.EcommerceOrders;

/// <summary>A stored webhook to make something of; published through the outbox by the webhook's receipt (ECM-1).</summary>
public sealed record ProcessStorefrontWebhook
{
    public required string ReceivedWebhookId { get; init; }
}

/// <summary>
/// ECM-1 … ECM-4, asynchronously on the order worker: a stored webhook becomes an e-commerce order. An unreadable payload is
/// Process Sale Failed with the payload kept, and nothing else. A readable one is matched (customer ECM-2, products ECM-4);
/// matched in full, its sale is created at once (New), in the same commit. One order per storefront order number: a second
/// webhook of the same order (another webhook id) changes nothing.
/// </summary>
public sealed class StorefrontWebhookConsumer(IDocumentSession session, EcommerceSale sale, ILogger<StorefrontWebhookConsumer> logger)
    : IConsumer<ProcessStorefrontWebhook>
{
    public async Task Consume(ConsumeContext<ProcessStorefrontWebhook> context)
    {
        var ct = context.CancellationToken;
        if (await session.LoadAsync<ReceivedWebhook>(context.Message.ReceivedWebhookId, ct) is not { } webhook)
            return; // nothing was stored under that id: nothing to do
        var (placed, problem) = StorefrontPayload.Read(webhook.Payload);
        var id = placed is null
            ? EcommerceOrder.UnreadableIdOf(webhook.StorefrontId, webhook.WebhookId)
            : EcommerceOrder.IdOf(webhook.StorefrontId, placed.Number);
        if (await session.Events.FetchStreamStateAsync(id, ct) is not null)
            return; // this webhook, or another of the same order, was made into it before

        object[] events;
        if (placed is null)
        {
            events = [new StorefrontOrderUnreadable(id, webhook.StorefrontId, webhook.WebhookId, webhook.Payload, problem!, webhook.ReceivedAt)];
            logger.LogWarning("Storefront {StorefrontId} webhook {WebhookId} is Process Sale Failed: {Problem}", webhook.StorefrontId,
                webhook.WebhookId, problem);
        }
        else
        {
            var (withEmail, ofEarlierOrder) = await EcommerceCustomers.FindAsync(session, webhook.StorefrontId, placed.Customer, ct);
            var candidates = await CandidatesAsync(placed, ct);
            var store = await session.LoadAsync<StoreSettings>(placed.PickupStoreId, ct);
            var acceptBy = BusinessHours.DeadlineOrElapsed(placed.PlacedAt, store?.Hours); // ECM-5
            events = EcommerceDecider.Import(new StorefrontOrderReceived(id, webhook.StorefrontId, webhook.WebhookId, placed, webhook.ReceivedAt, acceptBy),
                EcommerceDecider.MatchCustomer(placed.Customer, withEmail, ofEarlierOrder),
                placed.Lines.Select(line => EcommerceDecider.MatchLine(line, candidates)));
            var order = EcommerceOrder.Fold(null, events);
            await EcommerceCustomers.RememberAsync(session, order, ct);
            if (EcommerceDecider.ReadyForSale(order))
                events = [.. events, await sale.CreateAsync(session, order, initiator: null, ct)];
        }
        // The same order's other webhook making it at the same moment fails this commit; the retry then finds it made.
        session.Events.StartStream<EcommerceOrder>(id, events);
        await session.SaveChangesAsync(ct);
        EcommerceMetrics.Received(EcommerceOrder.Fold(null, events).Status);
    }

    /// <summary>The products any line's UPC or part number names (ECM-4), read at once.</summary>
    private async Task<IReadOnlyList<ProductCandidate>> CandidatesAsync(StorefrontOrder placed, CancellationToken ct)
    {
        var upcs = placed.Lines.Select(l => l.Upc).OfType<string>().Distinct().ToArray();
        var partNumbers = placed.Lines.Select(l => l.PartNumber).OfType<string>().Distinct().ToArray();
        var products = await session.Query<ProductIdentifiers>()
            .Where(p => p.Upc.IsOneOf(upcs) || p.VendorPartNumber.IsOneOf(partNumbers))
            .ToListAsync(ct);
        return products.Select(p => new ProductCandidate(p.Sku, p.Upc, p.VendorPartNumber)).ToList();
    }
}
