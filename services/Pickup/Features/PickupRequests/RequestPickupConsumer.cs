using System.Security.Cryptography;
using System.Text;
using Marten;
using MassTransit;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Pickup.Features.Products;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Pickup.Features.PickupRequests;

/// <summary>
/// PUP-1: a confirmed order's pickup lines reach the store's counter as one pickup request, once: the stream is started
/// with <see cref="PickupRequested"/>, its items carrying the UPC and name the receipt prints and receiving scans.
/// </summary>
public sealed class RequestPickupConsumer(IDocumentSession session, TimeProvider clock, InitiatorAccessor initiators,
    ILogger<RequestPickupConsumer> logger)
    : IConsumer<RequestPickup>
{
    public async Task Consume(ConsumeContext<RequestPickup> context)
    {
        var message = context.Message;
        var id = IdFor(message.OrderId, message.StoreId);
        if (await session.Events.FetchStreamStateAsync(id, context.CancellationToken) is not null)
            return;

        var skus = message.Lines.Select(l => l.Sku).Distinct().ToArray();
        var products = (await session.Query<PickupProduct>().Where(p => p.Sku.IsOneOf(skus)).ToListAsync(context.CancellationToken))
            .ToDictionary(p => p.Sku);
        var items = message.Lines.Select(l => new PickupItem(l.Sku, l.Quantity, l.LineId,
            Upc: products.GetValueOrDefault(l.Sku)?.Upc, Name: products.GetValueOrDefault(l.Sku)?.Name)).ToList();
        session.Events.StartStream<PickupRequest>(id, new PickupRequested(id, message.OrderId, message.StoreId, message.ConfirmationNumber,
            message.CustomerId, message.PickupDate, items, clock.GetUtcNow(), initiators.Current));
        try
        {
            await session.SaveChangesAsync(context.CancellationToken);
        }
        catch (Exception exception) when (WriteConflict.IsDuplicateKey(exception))
        {
            return; // the same request delivered twice at once: the other delivery started the stream
        }
        logger.LogInformation("Pickup request for {ConfirmationNumber} at {StoreId}", message.ConfirmationNumber, message.StoreId);
    }

    /// <summary>One request per order and store, whatever the number of deliveries.</summary>
    public static Guid IdFor(Guid orderId, string storeId) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes($"{orderId:N}/{storeId}")));
}
