using System.Security.Cryptography;
using System.Text;
using Marten;
using MassTransit;
using OmniChannel.Contracts.Pickup;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Pickup.Features.PickupRequests;

/// <summary>PUP-1: a confirmed order's pickup lines reach the store's counter as one pickup request, once.</summary>
public sealed class RequestPickupConsumer(IDocumentSession session, TimeProvider clock, InitiatorAccessor initiators,
    ILogger<RequestPickupConsumer> logger)
    : IConsumer<RequestPickup>
{
    public async Task Consume(ConsumeContext<RequestPickup> context)
    {
        var message = context.Message;
        var id = IdFor(message.OrderId, message.StoreId);
        if (await session.LoadAsync<PickupRequest>(id, context.CancellationToken) is not null)
            return;

        session.Insert(new PickupRequest(id, message.StoreId, message.ConfirmationNumber, message.CustomerId, PickupStatus.Requested,
            message.PickupDate, message.Lines.Select(l => new PickupItem(l.Sku, l.Quantity, l.LineId)).ToList(), clock.GetUtcNow(), message.OrderId,
            RequestedBy: initiators.Current));
        await session.SaveChangesAsync(context.CancellationToken);
        logger.LogInformation("Pickup request for {ConfirmationNumber} at {StoreId}", message.ConfirmationNumber, message.StoreId);
    }

    /// <summary>One request per order and store, whatever the number of deliveries.</summary>
    public static Guid IdFor(Guid orderId, string storeId) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes($"{orderId:N}/{storeId}")));
}
