using Grpc.Core;
using Marten;
using MassTransit;
using OmniChannel.Contracts.Inventory;
using OmniChannel.Contracts.Payment;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Contracts.Pricing;
using OmniChannel.Order.Features.CancelOrder;
using OmniChannel.Order.Features.FulfillmentPayments;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Persistence;
using Events = OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.OrderSaga;

/// <summary>What the order saga does beyond moving between states; an interface so its transitions are tested without I/O.</summary>
public interface IOrderSteps
{
    /// <summary>Prices the order; sets the saga's deposit due and balance to authorize, or its rejection when Pricing refuses the cart.</summary>
    Task PriceAsync(OrderState saga, CancellationToken ct);

    Task<CaptureDeposit> DepositAsync(OrderState saga, CancellationToken ct);

    /// <summary>Confirms the order and hands carried-out lines over; sets <see cref="OrderState.Completed"/> when nothing is left.</summary>
    Task ConfirmAsync(ConsumeContext context, OrderState saga);

    void Reject(OrderState saga);

    void Record(OrderState saga, params object[] events);

    /// <summary>Goods picked up or invoiced: recorded, their stock issued, what they cost beyond the deposit captured; sets Completed.</summary>
    Task FulfillAsync(ConsumeContext context, OrderState saga, FulfillmentRequest request);

    Task PaymentCapturedAsync(OrderState saga, Contracts.Payment.FulfillmentPaymentCaptured captured, CancellationToken ct);

    Task PaymentFailedAsync(OrderState saga, Contracts.Payment.FulfillmentPaymentFailed failed, CancellationToken ct);

    Task RetryPaymentAsync(ConsumeContext context, OrderState saga, RetryFulfillmentPayment retry);

    /// <summary>ORD-8: accepts the cancellation (sets <see cref="OrderState.CancellationId"/>) or records why not.</summary>
    Task CancelAsync(ConsumeContext context, OrderState saga, CancelCustomerOrder cancel);

    void Cancelled(OrderState saga, OrderPaymentsSettled settled);
}

/// <summary>
/// The order saga's I/O, at the edge: reads the order from its stream, asks Pricing over gRPC, decides with the order's
/// pure rules, appends the order's events to the message's session (so they commit with the saga's state), and builds
/// the messages the saga sends.
/// </summary>
public sealed class OrderSteps(IDocumentSession session, PricingService.PricingServiceClient pricing, TimeProvider clock) : IOrderSteps
{
    private CustomerOrder? committed;

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
            // Pricing refused the cart (e.g. a SKU it cannot price): the saga releases the stock and rejects the order.
            saga.RejectionCode = refusal.Trailers.GetValue("problem-code") ?? "pricing.refused";
            saga.RejectionReason = refusal.Status.Detail;
            return;
        }

        var prices = priced.Lines.Select(l => new LinePrice(int.Parse(l.LineId), l.UnitPrice, l.DiscountAmount, l.NetAmount)).ToList();
        saga.DepositDue = Deposit.Due(order.Lines, prices, order.DepositPercent);
        saga.BalanceToAuthorize = Deposit.BalanceToAuthorize(order.Channel, priced.NetAmount, saga.DepositDue);
        Record(saga, new OrderPriced(prices, priced.NetAmount, saga.DepositDue, priced.Currency));
    }

    public async Task<CaptureDeposit> DepositAsync(OrderState saga, CancellationToken ct)
    {
        var order = await LoadAsync(saga, ct);
        return new CaptureDeposit
        {
            OrderId = saga.CorrelationId, ConfirmationNumber = saga.ConfirmationNumber, StoreId = order.StoreId,
            TenderTypeId = order.DepositTender.TenderTypeId, CardTypeId = order.DepositTender.CardTypeId,
            CardToken = order.DepositTender.CardToken, Amount = saga.DepositDue, Currency = Money.Currency,
            BalanceToAuthorize = saga.BalanceToAuthorize, Channel = order.Channel.ToString(),
        };
    }

    /// <summary>Confirms the order, hands carried-out lines over, and sends each pickup store its lines (PUP-1).</summary>
    public async Task ConfirmAsync(ConsumeContext context, OrderState saga)
    {
        var order = await LoadAsync(saga, context.CancellationToken);
        var now = clock.GetUtcNow();
        order = Change(saga, order, new OrderConfirmed(now));
        session.AfterCommit(OrderMetrics.OrderConfirmed);
        if (OrderFulfillment.CarryOut(order, now) is { } carriedOut)
            order = Change(saga, order, carriedOut);
        foreach (var store in order.Lines.Where(l => l.Fulfillment.Kind == FulfillmentKind.Pickup).GroupBy(l => l.Fulfillment.LocationId))
            await context.Publish(new RequestPickup
            {
                OrderId = saga.CorrelationId, ConfirmationNumber = saga.ConfirmationNumber, StoreId = store.Key, CustomerId = order.CustomerId,
                PickupDate = store.Min(l => l.Fulfillment.Date) ?? DateOnly.FromDateTime(now.UtcDateTime),
                Lines = store.Select(l => new PickupLine { LineId = l.LineId, Sku = l.Sku, Quantity = l.Quantity }).ToList(),
            });
        CompleteIfDone(saga, order);
    }

    public void Reject(OrderState saga)
    {
        var code = saga.RejectionCode ?? "order.rejected";
        Record(saga, new OrderRejected(code, saga.RejectionReason ?? "", clock.GetUtcNow()));
        session.AfterCommit(() => OrderMetrics.OrderRejected(code));
    }

    public void Record(OrderState saga, params object[] events) => session.Events.Append(saga.ConfirmationNumber, events);

    public async Task FulfillAsync(ConsumeContext context, OrderState saga, FulfillmentRequest request)
    {
        var order = await LoadAsync(saga, context.CancellationToken);
        if (order.Fulfilled.Any(f => f.Id == request.FulfillmentId))
            return; // the same completion or invoice again
        var (fulfilled, refusal) = OrderFulfillment.Fulfill(order, request.FulfillmentId, request.Source, request.LocationId, request.Lines,
            clock.GetUtcNow());
        if (refusal is not null)
        {
            Record(saga, new FulfillmentRefused(request.FulfillmentId, refusal.Code, refusal.Detail));
            return;
        }

        order = Change(saga, order, fulfilled!);
        await context.Publish(new IssueReservedStock
        {
            OrderId = saga.CorrelationId, FulfillmentId = request.FulfillmentId,
            Lines = fulfilled!.Lines.Select(l => new IssuedLine { LineId = l.LineId, Quantity = l.Quantity }).ToList(),
        });
        var record = order.Fulfilled.Single(f => f.Id == request.FulfillmentId);
        if (record.BalanceDue > 0)
            await RequestPaymentAsync(context, saga, order, record, request.PreferredTenderLineId);
        else
            CompleteIfDone(saga, order);
    }

    public async Task PaymentCapturedAsync(OrderState saga, Contracts.Payment.FulfillmentPaymentCaptured captured, CancellationToken ct)
    {
        var order = await LoadAsync(saga, ct);
        if (Unanswered(order, captured.FulfillmentId) is not { } fulfillment)
            return;
        order = Change(saga, order, new Events.FulfillmentPaymentCaptured(fulfillment.Id, captured.FulfillmentId, captured.Captured, captured.CaptureTokens));
        CompleteIfDone(saga, order);
    }

    public async Task PaymentFailedAsync(OrderState saga, Contracts.Payment.FulfillmentPaymentFailed failed, CancellationToken ct)
    {
        var order = await LoadAsync(saga, ct);
        if (Unanswered(order, failed.FulfillmentId) is not { } fulfillment)
            return;
        Record(saga, new Events.FulfillmentPaymentFailed(fulfillment.Id, failed.FulfillmentId, failed.Captured, failed.BalanceDue, failed.Code, failed.Reason));
    }

    /// <summary>Nothing to do when the fulfillment is paid or a capture for it is still out: a repeated retry asks once.</summary>
    public async Task RetryPaymentAsync(ConsumeContext context, OrderState saga, RetryFulfillmentPayment retry)
    {
        var order = await LoadAsync(saga, context.CancellationToken);
        if (order.Fulfilled.FirstOrDefault(f => f.Id == retry.FulfillmentId) is { BalanceDue: > 0, AwaitingPayment: false } fulfillment)
            await RequestPaymentAsync(context, saga, order, fulfillment, retry.PreferredTenderLineId);
    }

    public async Task CancelAsync(ConsumeContext context, OrderState saga, CancelCustomerOrder cancel)
    {
        var order = await LoadAsync(saga, context.CancellationToken);
        var (percent, charge, refusal) = OrderCancellation.Decide(order, cancel.ChargePercent, cancel.ChargePercent);
        if (refusal is not null)
        {
            Record(saga, new CancellationRefused(cancel.CancellationId, refusal.Code, refusal.Detail));
            return;
        }
        Record(saga, new CancellationRequested(cancel.CancellationId, percent, charge, clock.GetUtcNow()));
        (saga.CancellationId, saga.CancellationCharge) = (cancel.CancellationId, charge);
        if (order.Lines.Any(l => l.Fulfillment.Kind == FulfillmentKind.Pickup))
            await context.Publish(new CancelPickup { OrderId = saga.CorrelationId, Reason = "order.cancelled" });
    }

    public void Cancelled(OrderState saga, OrderPaymentsSettled settled) =>
        Record(saga, new CancellationSettled(settled.CancellationId, settled.Refunded, settled.Retained), new OrderCancelled(clock.GetUtcNow()));

    private async Task RequestPaymentAsync(ConsumeContext context, OrderState saga, CustomerOrder order, FulfillmentRecord fulfillment,
        int? preferredTenderLineId)
    {
        var attempt = OrderFulfillment.NextAttemptId(fulfillment);
        Change(saga, order, new FulfillmentPaymentRequested(fulfillment.Id, attempt, fulfillment.BalanceDue, preferredTenderLineId));
        await context.Publish(new CaptureFulfillmentPayment
        {
            OrderId = saga.CorrelationId, FulfillmentId = attempt, Amount = fulfillment.BalanceDue, Currency = Money.Currency,
            Purpose = fulfillment.Source == FulfillmentSource.Invoice ? "Invoice" : "Pickup", PreferredTenderLineId = preferredTenderLineId,
        });
    }

    private static FulfillmentRecord? Unanswered(CustomerOrder order, string attemptId) =>
        OrderFulfillment.OfAttempt(order, attemptId) is { } fulfillment && fulfillment.Attempts.Any(a => a.AttemptId == attemptId && !a.Answered)
            ? fulfillment
            : null;

    private void CompleteIfDone(OrderState saga, CustomerOrder order)
    {
        if (!order.ReadyToComplete)
            return;
        Record(saga, new OrderCompleted(clock.GetUtcNow()));
        saga.Completed = true;
    }

    /// <summary>Records an event and returns the order as it will be once the event commits.</summary>
    private CustomerOrder Change(OrderState saga, CustomerOrder order, object e)
    {
        Record(saga, e);
        return order.Fold(e);
    }

    /// <summary>
    /// The order as committed, with the events this message already recorded (e.g. the deposit, before confirming).
    /// Read once per message: these steps are scoped to one message, inside its transaction.
    /// </summary>
    private async Task<CustomerOrder> LoadAsync(OrderState saga, CancellationToken ct)
    {
        var order = committed ??= await session.LoadAsync<CustomerOrder>(saga.ConfirmationNumber, ct)
                    ?? throw new InvalidOperationException($"Order {saga.ConfirmationNumber} has no stream yet.");
        return session.PendingChanges.Streams()
            .Where(stream => stream.Key == saga.ConfirmationNumber)
            .SelectMany(stream => stream.Events)
            .Aggregate(order, (current, e) => current.Fold(e.Data));
    }
}
