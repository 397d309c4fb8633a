using MassTransit;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Order.Features.CancelOrder;
using OmniChannel.Order.Features.FulfillmentPayments;
using OmniChannel.Order.Features.Invoicing;
using OmniChannel.Order.Orders;
using Inventory = OmniChannel.Contracts.Inventory;
using Payment = OmniChannel.Contracts.Payment;

namespace OmniChannel.Order.Features.OrderSaga;

/// <summary>
/// ORD-1/ORD-3: the order's creation asked Inventory-Allocation to reserve its stock (OrderCreator, in the creation's
/// commit); its answer starts the saga, which prices the lines (Pricing, gRPC, before the transaction: PriceFirstFilter),
/// takes the payment due at order time (Payment-Token: the deposit, and the authorization of the rest, PAY-3/4/5),
/// confirms and hands pickup lines to the store's counter (Pickup). A refused reservation rejects the order; a cart
/// Pricing refuses or a declined deposit compensates (stock released) and rejects the order with a reason. Once
/// confirmed the order awaits fulfillment: each pickup completion (PUP-4) or invoice (PAY-6) is captured from the
/// order's cards, and the order completes when every line is fulfilled and paid (what its authorizations still hold is
/// then released); until then it can be cancelled (ORD-8: stock released, payments settled, PAY-11).
/// Each message is decided by a pure decider in <c>Orders/</c> (<see cref="OrderDecision{T}"/> loads, appends and
/// sends); the machine only follows the outcome. The order's events commit with the saga's state and the messages it
/// sends (Marten outbox).
/// </summary>
public sealed class OrderStateMachine : MassTransitStateMachine<OrderState>
{
    public State TakingDeposit { get; private set; } = null!;
    public State Releasing { get; private set; } = null!;
    public State AwaitingFulfillment { get; private set; } = null!;
    public State ReleasingForCancellation { get; private set; } = null!;
    public State SettlingCancellation { get; private set; } = null!;

    public Event<Inventory.StockReserved> StockReserved { get; private set; } = null!;
    public Event<Inventory.StockReservationFailed> StockRefused { get; private set; } = null!;
    public Event<Payment.DepositCaptured> DepositCaptured { get; private set; } = null!;
    public Event<Payment.DepositDeclined> DepositDeclined { get; private set; } = null!;
    public Event<Inventory.StockReleased> StockReleased { get; private set; } = null!;
    public Event<PickupCompleted> PickupCompleted { get; private set; } = null!;
    public Event<InvoiceShippedLines> Invoiced { get; private set; } = null!;
    public Event<Payment.FulfillmentPaymentCaptured> PaymentCaptured { get; private set; } = null!;
    public Event<Payment.FulfillmentPaymentFailed> PaymentFailed { get; private set; } = null!;
    public Event<RetryFulfillmentPayment> PaymentRetried { get; private set; } = null!;
    public Event<CancelCustomerOrder> CancelRequested { get; private set; } = null!;
    public Event<Payment.OrderPaymentsSettled> PaymentsSettled { get; private set; } = null!;
    public Event<CancelOrderLines> LinesCancelRequested { get; private set; } = null!;

    public OrderStateMachine()
    {
        InstanceState(saga => saga.CurrentState);
        Event(() => StockReserved, e => e.CorrelateById(m => m.Message.OrderId));
        Event(() => StockRefused, e => e.CorrelateById(m => m.Message.OrderId));
        Event(() => DepositCaptured, e => e.CorrelateById(m => m.Message.OrderId).OnMissingInstance(m => m.RecordLate(x => x.OrderId)));
        Event(() => DepositDeclined, e => e.CorrelateById(m => m.Message.OrderId).OnMissingInstance(m => m.RecordLate(x => x.OrderId)));
        Event(() => StockReleased, e => e.CorrelateById(m => m.Message.OrderId).OnMissingInstance(m => m.RecordLate(x => x.OrderId)));
        Event(() => PickupCompleted, e => e.CorrelateById(m => m.Message.OrderId).OnMissingInstance(m => m.RecordLate(x => x.OrderId)));
        Event(() => Invoiced, e => e.CorrelateById(m => m.Message.OrderId).OnMissingInstance(m => m.RecordLate(x => x.OrderId)));
        Event(() => PaymentCaptured, e => e.CorrelateById(m => m.Message.OrderId).OnMissingInstance(m => m.RecordLate(x => x.OrderId)));
        Event(() => PaymentFailed, e => e.CorrelateById(m => m.Message.OrderId).OnMissingInstance(m => m.RecordLate(x => x.OrderId)));
        Event(() => PaymentRetried, e => e.CorrelateById(m => m.Message.OrderId).OnMissingInstance(m => m.RecordLate(x => x.OrderId)));
        Event(() => CancelRequested, e => e.CorrelateById(m => m.Message.OrderId).OnMissingInstance(m => m.RecordLate(x => x.OrderId)));
        Event(() => PaymentsSettled, e => e.CorrelateById(m => m.Message.OrderId).OnMissingInstance(m => m.RecordLate(x => x.OrderId)));
        Event(() => LinesCancelRequested, e => e.CorrelateById(m => m.Message.OrderId).OnMissingInstance(m => m.RecordLate(x => x.OrderId)));

        Initially(
            When(StockReserved)
                .Then(c => c.Saga.ConfirmationNumber = c.Message.ConfirmationNumber)
                .Decide((c, order, now) => AcceptanceDecider.Decide(order, c.Message, c.GetPayload<PricingAnswer>(), now))
                .If(c => c.Next() == OrderNext.Releasing, Release)
                .If(c => c.Next() == OrderNext.TakingDeposit, deposit => deposit.TransitionTo(TakingDeposit))
                .If(c => c.Next() == OrderNext.AwaitingFulfillment, open => open.TransitionTo(AwaitingFulfillment))
                .If(c => c.Next() == OrderNext.Completed, done => done.Finalize()),
            When(StockRefused)
                .Then(c => c.Saga.ConfirmationNumber = c.Message.ConfirmationNumber)
                .Decide((c, order, now) => AcceptanceDecider.Decide(order, c.Message, now))
                .Finalize());

        During(TakingDeposit,
            When(DepositCaptured)
                .Decide((c, order, now) => AcceptanceDecider.Decide(order, c.Message, now))
                .If(c => c.Next() == OrderNext.AwaitingFulfillment, open => open.TransitionTo(AwaitingFulfillment))
                .If(c => c.Next() == OrderNext.Completed, done => done.Finalize()),
            Release(When(DepositDeclined)
                .Decide((c, order, _) => AcceptanceDecider.Decide(order, c.Message))));

        During(Releasing,
            When(StockReleased)
                .Decide((c, order, now) => AcceptanceDecider.Decide(order, c.Message, c.Saga.Rejection, now))
                .Finalize());

        During(AwaitingFulfillment,
            When(PickupCompleted)
                .Decide((c, order, now) => FulfillmentDecider.Decide(order, GoodsLeaving.Of(c.Message), now))
                .If(c => c.Next() == OrderNext.Completed, done => done.Finalize()),
            When(Invoiced)
                .Decide((c, order, now) => FulfillmentDecider.Decide(order, GoodsLeaving.Of(c.Message), now))
                .If(c => c.Next() == OrderNext.Completed, done => done.Finalize()),
            When(PaymentCaptured)
                .Decide((c, order, now) => FulfillmentDecider.Decide(order, c.Message, now))
                .If(c => c.Next() == OrderNext.Completed, done => done.Finalize()),
            When(PaymentFailed)
                .Decide((c, order, _) => FulfillmentDecider.Decide(order, c.Message)),
            When(PaymentRetried)
                .Decide((c, order, _) => FulfillmentDecider.Decide(order, c.Message)),
            When(CancelRequested)
                .Decide((c, order, now) => CancellationDecider.Decide(order, c.Message, now))
                .If(c => c.Next() == OrderNext.ReleasingForCancellation, accepted => accepted.TransitionTo(ReleasingForCancellation)),
            // ORD-7: some lines cancelled; all that is open cancelled becomes the whole cancellation, all that is left done completes.
            When(LinesCancelRequested)
                .Decide((c, order, now) => LineCancellationDecider.Decide(order, c.Message, now))
                .If(c => c.Next() == OrderNext.ReleasingForCancellation, accepted => accepted.TransitionTo(ReleasingForCancellation))
                .If(c => c.Next() == OrderNext.Completed, done => done.Finalize()));

        During(ReleasingForCancellation,
            When(StockReleased)
                .Decide((c, order, _) => CancellationDecider.Decide(order, c.Message))
                .TransitionTo(SettlingCancellation));

        During(SettlingCancellation,
            When(PaymentsSettled)
                .Decide((c, order, now) => CancellationDecider.Decide(order, c.Message, now))
                .Finalize());

        During(ReleasingForCancellation, SettlingCancellation,
            When(PickupCompleted).Decide((c, order, _) => CancellationDecider.WhileCancelling(order, GoodsLeaving.Of(c.Message))),
            When(Invoiced).Decide((c, order, _) => CancellationDecider.WhileCancelling(order, GoodsLeaving.Of(c.Message))),
            When(CancelRequested).Decide((c, order, _) => CancellationDecider.WhileCancelling(order, c.Message)),
            When(LinesCancelRequested).Decide((c, order, _) => LineCancellationDecider.WhileCancelling(order, c.Message)),
            Ignore(PaymentRetried));

        SetCompletedWhenFinalized();
    }

    /// <summary>Rejected after the stock was reserved: the saga keeps why while the stock is released, then rejects the order.</summary>
    private EventActivityBinder<OrderState, T> Release<T>(EventActivityBinder<OrderState, T> rejected) where T : class =>
        rejected.Then(c => c.Saga.Rejection = c.GetPayload<OrderOutcome>().Rejection).TransitionTo(Releasing);
}
