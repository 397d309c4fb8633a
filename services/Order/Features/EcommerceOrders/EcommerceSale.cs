using Marten;
using MassTransit;
using OmniChannel.Order.Ecommerce;
using OmniChannel.Order.Features.CreateOrder;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Order.Features.EcommerceOrders;

/// <summary>
/// ECM-3 New: an e-commerce order with a customer and a product for every line becomes a customer order of the online
/// channel, through the same rules and creation as every other channel's (<see cref="OrderRules"/>, <see cref="OrderCreator"/>:
/// its stock asked for, its card hold authorized for capture at pickup, PAY-3; a reservation authorizes nothing and is paid
/// at the counter, PUP-9). Each line is picked up at the storefront's
/// pickup store and keeps the storefront's price (ECM-7). In the caller's session: the sale commits with the event that says so.
/// </summary>
public sealed class EcommerceSale(ReferenceData references, OrderCreator creator, TimeProvider clock)
{
    /// <param name="newCustomer">A customer created in this session (ECM-2 "create"), not readable before the commit.</param>
    public async Task<object> CreateAsync(IDocumentSession session, EcommerceOrder order, Initiator? initiator, CancellationToken ct,
        Customer? newCustomer = null)
    {
        var now = clock.GetUtcNow();
        var placed = order.Order!;
        var request = new CreateOrderRequest(placed.PickupStoreId, TerminalId: null, order.CustomerId,
            order.Lines.Select(l => new CreateOrderLine(l.Sku, l.Line.Quantity, new FulfillmentRequest("pickup", placed.PickupStoreId))).ToList(),
            Deposit: null, Channel: "online",
            Payment: placed.Payment is { } card ? new DepositTenderRequest("CARD", card.CardTypeId, card.CardToken) : null);
        var data = await references.LoadAsync(request, ct);
        if (newCustomer is not null && newCustomer.Id == order.CustomerId)
            data = data with { Customer = newCustomer };
        var (valid, refusal) = OrderRules.Validate(request, data, DateOnly.FromDateTime(now.UtcDateTime), reservation: placed.IsReservation);
        if (refusal is not null)
            return new EcommerceSaleRefused(refusal.Code, refusal.Detail, now);
        if (!string.Equals(valid!.Currency, placed.Currency, StringComparison.Ordinal))
            return new EcommerceSaleRefused("ecommerce.currency_mismatch",
                $"The storefront sold in {placed.Currency}; store {valid.StoreId} sells in {valid.Currency}.", now);

        // ECM-7: the lines keep the prices the customer agreed to at the storefront's checkout.
        var prices = order.Lines.ToDictionary(l => l.Line.LineNumber, l => l.Line.UnitPrice);
        valid = valid with { Lines = valid.Lines.Select(l => l with { LockedUnitPrice = prices[l.LineId] }).ToList() };
        var transaction = new TerminalTransaction($"ecommerce:{order.Id}", ConfirmationNumber.New(valid.StoreId), NewId.NextGuid(),
            IdempotentRequest.Fingerprint(request), valid, TransactionStatus.Received, now, Trace: TraceContext.Current(), Initiator: initiator);
        session.Insert(transaction);
        creator.Create(session, transaction, CreationPath.Synchronous);
        session.AfterCommit(() => OrderMetrics.OrderAccepted(valid));
        return new EcommerceSaleCreated(transaction.ConfirmationNumber, now);
    }
}
