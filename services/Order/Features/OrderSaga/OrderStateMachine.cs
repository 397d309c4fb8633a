using MassTransit;
using OmniChannel.Contracts.Inventory;
using OmniChannel.Contracts.Payment;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Order.Features.CancelOrder;
using OmniChannel.Order.Features.FulfillmentPayments;
using OmniChannel.Order.Features.Invoicing;
using OmniChannel.Order.Orders;
using Events = OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.OrderSaga;

/// <summary>
/// ORD-1/ORD-3: the order's creation asked Inventory-Allocation to reserve its stock (OrderCreator, in the creation's
/// commit); its answer starts the saga, which prices the lines (Pricing, gRPC), takes the payment due at order time
/// (Payment-Token: the deposit, and the authorization of the rest, PAY-3/4/5), confirms and hands pickup lines to the
/// store's counter (Pickup). A refused reservation rejects the order; a cart Pricing refuses or a declined deposit
/// compensates (stock released) and rejects the order with a reason. Once confirmed the order awaits fulfillment: each
/// pickup completion (PUP-4) or invoice (PAY-6) is captured from the order's cards, and the order completes when every
/// line is fulfilled and paid (what its authorizations still hold is then released); until then it can be cancelled
/// (ORD-8: stock released, payments settled, PAY-11). Every step's facts go to the order's stream in the same commit as
/// the saga's state and the messages it sends (Marten outbox).
/// </summary>
public sealed class OrderStateMachine : MassTransitStateMachine<OrderState>
{
    public State TakingDeposit { get; private set; } = null!;
    public State Releasing { get; private set; } = null!;
    public State AwaitingFulfillment { get; private set; } = null!;
    public State ReleasingForCancellation { get; private set; } = null!;
    public State SettlingCancellation { get; private set; } = null!;

    public Event<Contracts.Inventory.StockReserved> StockReserved { get; private set; } = null!;
    public Event<Contracts.Inventory.StockReservationFailed> StockRefused { get; private set; } = null!;
    public Event<Contracts.Payment.DepositCaptured> DepositCaptured { get; private set; } = null!;
    public Event<Contracts.Payment.DepositDeclined> DepositDeclined { get; private set; } = null!;
    public Event<Contracts.Inventory.StockReleased> StockReleased { get; private set; } = null!;
    public Event<PickupCompleted> PickupCompleted { get; private set; } = null!;
    public Event<InvoiceShippedLines> Invoiced { get; private set; } = null!;
    public Event<Contracts.Payment.FulfillmentPaymentCaptured> PaymentCaptured { get; private set; } = null!;
    public Event<Contracts.Payment.FulfillmentPaymentFailed> PaymentFailed { get; private set; } = null!;
    public Event<RetryFulfillmentPayment> PaymentRetried { get; private set; } = null!;
    public Event<CancelCustomerOrder> CancelRequested { get; private set; } = null!;
    public Event<OrderPaymentsSettled> PaymentsSettled { get; private set; } = null!;

    public OrderStateMachine()
    {
        InstanceState(saga => saga.CurrentState);
        Event(() => StockReserved, e => e.CorrelateById(m => m.Message.OrderId));
        Event(() => StockRefused, e => e.CorrelateById(m => m.Message.OrderId));
        Event(() => DepositCaptured, e => e.CorrelateById(m => m.Message.OrderId));
        Event(() => DepositDeclined, e => e.CorrelateById(m => m.Message.OrderId));
        Event(() => StockReleased, e => e.CorrelateById(m => m.Message.OrderId));
        Event(() => PickupCompleted, e => e.CorrelateById(m => m.Message.OrderId));
        Event(() => Invoiced, e => e.CorrelateById(m => m.Message.OrderId));
        Event(() => PaymentCaptured, e => e.CorrelateById(m => m.Message.OrderId));
        Event(() => PaymentFailed, e => e.CorrelateById(m => m.Message.OrderId));
        Event(() => PaymentRetried, e => e.CorrelateById(m => m.Message.OrderId));
        Event(() => CancelRequested, e => e.CorrelateById(m => m.Message.OrderId));
        Event(() => PaymentsSettled, e => e.CorrelateById(m => m.Message.OrderId));

        Initially(
            When(StockReserved)
                .Then(c => c.Saga.ConfirmationNumber = c.Message.ConfirmationNumber)
                .Then(c => Steps(c).Record(c.Saga, new Events.StockReserved(c.Message.ReservationId)))
                .ThenAsync(c => Steps(c).PriceAsync(c.Saga, c.CancellationToken))
                .IfElse(c => c.Saga.RejectionCode is not null,
                    refused => Compensate(refused),
                    priced => priced.IfElse(c => c.Saga.DepositDue > 0 || c.Saga.BalanceToAuthorize > 0,
                        payment => payment.PublishAsync(c => Steps(c).DepositAsync(c.Saga, c.CancellationToken)).TransitionTo(TakingDeposit),
                        nothingDue => Confirmed(nothingDue.ThenAsync(c => Steps(c).ConfirmAsync(c, c.Saga))))),
            When(StockRefused)
                .Then(c => c.Saga.ConfirmationNumber = c.Message.ConfirmationNumber)
                .Then(c => Steps(c).Record(c.Saga, new Events.StockReservationFailed(c.Message.Code, c.Message.Reason)))
                .Then(c => (c.Saga.RejectionCode, c.Saga.RejectionReason) = (c.Message.Code, c.Message.Reason))
                .Then(c => Steps(c).Reject(c.Saga))
                .Finalize());

        During(TakingDeposit,
            Confirmed(When(DepositCaptured)
                .Then(c => Steps(c).Record(c.Saga, PaymentAtOrder.Facts(c.Message.Amount, c.Message.AuthorizationToken, c.Message.CaptureToken,
                    c.Message.AuthorizedBalance ?? 0m, c.Message.AuthorizationExpiresAt, c.Message.SecondCardRequired ?? false, c.Saga.BalanceToAuthorize)))
                .ThenAsync(c => Steps(c).ConfirmAsync(c, c.Saga))),
            Compensate(When(DepositDeclined)
                .Then(c => Steps(c).Record(c.Saga, new Events.DepositDeclined(c.Message.Code, c.Message.Reason)))
                .Then(c => (c.Saga.RejectionCode, c.Saga.RejectionReason) = (c.Message.Code, c.Message.Reason))));

        During(Releasing,
            When(StockReleased)
                .Then(c => Steps(c).Record(c.Saga, new Events.StockReleased(c.Saga.CorrelationId.ToString())))
                .Then(c => Steps(c).Reject(c.Saga))
                .Finalize());

        During(AwaitingFulfillment,
            When(PickupCompleted)
                .ThenAsync(c => Steps(c).FulfillAsync(c, c.Saga, FulfillmentRequest.Of(c.Message)))
                .If(c => c.Saga.Completed, done => Complete(done)),
            When(Invoiced)
                .ThenAsync(c => Steps(c).FulfillAsync(c, c.Saga, FulfillmentRequest.Of(c.Message)))
                .If(c => c.Saga.Completed, done => Complete(done)),
            When(PaymentCaptured)
                .ThenAsync(c => Steps(c).PaymentCapturedAsync(c.Saga, c.Message, c.CancellationToken))
                .If(c => c.Saga.Completed, done => Complete(done)),
            When(PaymentFailed)
                .ThenAsync(c => Steps(c).PaymentFailedAsync(c.Saga, c.Message, c.CancellationToken)),
            When(PaymentRetried)
                .ThenAsync(c => Steps(c).RetryPaymentAsync(c, c.Saga, c.Message)),
            When(CancelRequested)
                .ThenAsync(c => Steps(c).CancelAsync(c, c.Saga, c.Message))
                .If(c => c.Saga.CancellationId is not null, accepted => accepted
                    .Publish(c => new ReleaseStock { OrderId = c.Saga.CorrelationId, Reason = "order.cancelled" })
                    .TransitionTo(ReleasingForCancellation)));

        During(ReleasingForCancellation,
            When(StockReleased)
                .Then(c => Steps(c).Record(c.Saga, new Events.StockReleased(c.Saga.CorrelationId.ToString())))
                .Publish(c => new SettleCancelledOrderPayments
                {
                    OrderId = c.Saga.CorrelationId, CancellationId = c.Saga.CancellationId!, CancellationCharge = c.Saga.CancellationCharge,
                    Currency = Money.Currency,
                })
                .TransitionTo(SettlingCancellation));

        During(SettlingCancellation,
            When(PaymentsSettled)
                .Then(c => Steps(c).Cancelled(c.Saga, c.Message))
                .Finalize());

        // Goods or a second cancellation arriving while the order is being cancelled: recorded as refused, nothing else.
        During(ReleasingForCancellation, SettlingCancellation,
            When(PickupCompleted).Then(c => Steps(c).Record(c.Saga, Cancelling(c.Message.FulfillmentId))),
            When(Invoiced).Then(c => Steps(c).Record(c.Saga, Cancelling(c.Message.FulfillmentId))),
            When(CancelRequested).Then(c => Steps(c).Record(c.Saga,
                new CancellationRefused(c.Message.CancellationId, "order.cancelled", "The order is already being cancelled."))),
            Ignore(PaymentRetried));

        SetCompletedWhenFinalized();
    }

    /// <summary>Rejected after the stock was reserved: the reservation is released first, then the order is rejected.</summary>
    private EventActivityBinder<OrderState, T> Compensate<T>(EventActivityBinder<OrderState, T> rejected) where T : class =>
        rejected.Publish(c => new ReleaseStock { OrderId = c.Saga.CorrelationId, Reason = c.Saga.RejectionCode! }).TransitionTo(Releasing);

    /// <summary>Confirmed: done already when nothing is left to fulfill (every line carried out and paid), else awaiting fulfillment.</summary>
    private EventActivityBinder<OrderState, T> Confirmed<T>(EventActivityBinder<OrderState, T> confirmed) where T : class =>
        confirmed.IfElse(c => c.Saga.Completed, done => Complete(done), open => open.TransitionTo(AwaitingFulfillment));

    /// <summary>Every line fulfilled and paid: what the authorizations still hold is released, and the saga is done.</summary>
    private static EventActivityBinder<OrderState, T> Complete<T>(EventActivityBinder<OrderState, T> done) where T : class =>
        done.Publish(c => new ReleaseOrderAuthorizations { OrderId = c.Saga.CorrelationId }).Finalize();

    private static FulfillmentRefused Cancelling(string fulfillmentId) =>
        new(fulfillmentId, "order.cancelled", "The order is being cancelled: nothing more is fulfilled.");

    private static IOrderSteps Steps(ConsumeContext context) => context.GetServiceOrCreateInstance<IOrderSteps>();
}
