using Marten;
using MassTransit;
using OmniChannel.Order.Ecommerce;
using OmniChannel.Order.Features.CancelOrder;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Features.StorefrontWebhooks;
using OmniChannel.Order.Orders;

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
public sealed class StorefrontWebhookConsumer(IDocumentSession session, EcommerceSale sale, TimeProvider clock,
    ILogger<StorefrontWebhookConsumer> logger)
    : IConsumer<ProcessStorefrontWebhook>
{
    public async Task Consume(ConsumeContext<ProcessStorefrontWebhook> context)
    {
        var ct = context.CancellationToken;
        if (await session.LoadAsync<ReceivedWebhook>(context.Message.ReceivedWebhookId, ct) is not { } webhook)
            return; // nothing was stored under that id: nothing to do
        if (StorefrontPayload.CancelledOrderNumber(webhook.Payload) is { } cancelled)
        {
            await CancelAsync(context, webhook, cancelled);
            return;
        }
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

    /// <summary>
    /// <c>order.cancelled</c>: the e-commerce order is Completed and its sale cancelled without a charge (its stock released,
    /// its card hold voided). A sale still being confirmed is waited for (the message is retried); an unknown order is logged.
    /// </summary>
    private async Task CancelAsync(ConsumeContext context, ReceivedWebhook webhook, string number)
    {
        var ct = context.CancellationToken;
        var stream = await session.Events.FetchForWriting<EcommerceOrder>(EcommerceOrder.IdOf(webhook.StorefrontId, number), ct);
        if (stream.Aggregate is not { } order)
        {
            logger.LogWarning("Storefront {StorefrontId} cancelled order {OrderNumber}, which it never sent", webhook.StorefrontId, number);
            return;
        }
        var (events, refusal) = EcommerceDecider.CancelByStorefront(order, webhook.WebhookId, clock.GetUtcNow());
        if (refusal is not null)
        {
            logger.LogInformation("Storefront {StorefrontId} cancellation of {OrderNumber}: {Detail}", webhook.StorefrontId, number, refusal.Detail);
            return;
        }
        if (order.ConfirmationNumber is { } confirmationNumber)
        {
            var sale = await session.LoadAsync<CustomerOrder>(confirmationNumber, ct);
            if (sale is not { Status: OrderStatus.Confirmed or OrderStatus.Rejected or OrderStatus.Cancelled })
                throw new InvalidOperationException($"Sale {confirmationNumber} is {sale?.Status}: the storefront's cancellation waits until it is confirmed.");
            if (sale.Status == OrderStatus.Confirmed)
                await context.Publish(new CancelCustomerOrder { OrderId = sale.OrderId, CancellationId = $"ecm-cancel-{sale.Id}", ChargePercent = 0m }, ct);
        }
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
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
