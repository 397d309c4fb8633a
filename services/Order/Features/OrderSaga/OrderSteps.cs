using Grpc.Core;
using Marten;
using MassTransit;
using OmniChannel.Contracts.Inventory;
using OmniChannel.Contracts.Payment;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Contracts.Pricing;
using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.OrderSaga;

/// <summary>What the order saga does beyond moving between states; an interface so its transitions are tested without I/O.</summary>
public interface IOrderSteps
{
    /// <summary>Prices the order; sets the saga's deposit due, or its rejection when Pricing refuses the cart.</summary>
    Task PriceAsync(OrderState saga, CancellationToken ct);

    Task<ReserveStock> ReservationAsync(OrderState saga, CancellationToken ct);

    Task<CaptureDeposit> DepositAsync(OrderState saga, CancellationToken ct);

    Task ConfirmAsync(ConsumeContext context, OrderState saga);

    void Reject(OrderState saga);

    void Record(OrderState saga, params object[] events);
}

/// <summary>
/// The order saga's I/O, at the edge: reads the order from its stream, asks Pricing over gRPC, appends the order's
/// events to the message's session (so they commit with the saga's state), and builds the messages the saga sends.
/// </summary>
public sealed class OrderSteps(IDocumentSession session, PricingService.PricingServiceClient pricing, TimeProvider clock) : IOrderSteps
{
    public async Task PriceAsync(OrderState saga, CancellationToken ct)
    {
        var order = await LoadAsync(saga, ct);
        var request = new PriceCartRequest { StoreId = order.StoreId, CustomerId = order.CustomerId };
        request.Lines.AddRange(order.Lines.Select(l => new CartLine { LineId = l.LineId.ToString(), Sku = l.Sku, Quantity = l.Quantity }));

        PricedCart priced;
        try
        {
            priced = await pricing.PriceCartAsync(request, cancellationToken: ct);
        }
        catch (RpcException refusal) when (refusal.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument
                                               or StatusCode.FailedPrecondition or StatusCode.PermissionDenied)
        {
            // Pricing refused the cart (e.g. a SKU it cannot price): nothing is reserved yet, so the order is rejected.
            saga.RejectionCode = refusal.Trailers.GetValue("problem-code") ?? "pricing.refused";
            saga.RejectionReason = refusal.Status.Detail;
            return;
        }

        var prices = priced.Lines.Select(l => new LinePrice(int.Parse(l.LineId), l.UnitPrice, l.DiscountAmount, l.NetAmount)).ToList();
        saga.DepositDue = Deposit.Due(order.Lines, prices, order.DepositPercent);
        Record(saga, new OrderPriced(prices, priced.NetAmount, saga.DepositDue, priced.Currency));
    }

    public async Task<ReserveStock> ReservationAsync(OrderState saga, CancellationToken ct)
    {
        var order = await LoadAsync(saga, ct);
        return new ReserveStock
        {
            OrderId = saga.CorrelationId,
            ConfirmationNumber = saga.ConfirmationNumber,
            Lines = order.Lines.Select(l => new ReservationLine
            {
                LineId = l.LineId, Sku = l.Sku, Quantity = l.Quantity, LocationId = l.Fulfillment.LocationId,
                Kind = l.Fulfillment.Kind switch
                {
                    FulfillmentKind.Ship => ReservationKind.Ship,
                    FulfillmentKind.Pickup => ReservationKind.Pickup,
                    _ => ReservationKind.CarryOut,
                },
            }).ToList(),
        };
    }

    public async Task<CaptureDeposit> DepositAsync(OrderState saga, CancellationToken ct)
    {
        var order = await LoadAsync(saga, ct);
        return new CaptureDeposit
        {
            OrderId = saga.CorrelationId, ConfirmationNumber = saga.ConfirmationNumber, StoreId = order.StoreId,
            TenderTypeId = order.DepositTender.TenderTypeId, CardTypeId = order.DepositTender.CardTypeId,
            CardToken = order.DepositTender.CardToken, Amount = saga.DepositDue, Currency = Money.Currency,
        };
    }

    /// <summary>Confirms the order and sends each pickup store its lines (PUP-1).</summary>
    public async Task ConfirmAsync(ConsumeContext context, OrderState saga)
    {
        var order = await LoadAsync(saga, context.CancellationToken);
        Record(saga, new OrderConfirmed(clock.GetUtcNow()));
        foreach (var store in order.Lines.Where(l => l.Fulfillment.Kind == FulfillmentKind.Pickup).GroupBy(l => l.Fulfillment.LocationId))
            await context.Publish(new RequestPickup
            {
                OrderId = saga.CorrelationId, ConfirmationNumber = saga.ConfirmationNumber, StoreId = store.Key, CustomerId = order.CustomerId,
                PickupDate = store.Min(l => l.Fulfillment.Date) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
                Lines = store.Select(l => new PickupLine { LineId = l.LineId, Sku = l.Sku, Quantity = l.Quantity }).ToList(),
            });
    }

    public void Reject(OrderState saga) =>
        Record(saga, new OrderRejected(saga.RejectionCode ?? "order.rejected", saga.RejectionReason ?? "", clock.GetUtcNow()));

    public void Record(OrderState saga, params object[] events) => session.Events.Append(saga.ConfirmationNumber, events);

    private async Task<CustomerOrder> LoadAsync(OrderState saga, CancellationToken ct) =>
        await session.LoadAsync<CustomerOrder>(saga.ConfirmationNumber, ct)
        ?? throw new InvalidOperationException($"Order {saga.ConfirmationNumber} has no stream yet.");
}
