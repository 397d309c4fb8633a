using MassTransit;
using OmniChannel.Contracts.Inventory;
using OmniChannel.Contracts.Payment;
using OmniChannel.Order.Features.OrderCreation;
using Events = OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.OrderSaga;

/// <summary>
/// ORD-1/ORD-3: price the lines (Pricing, gRPC), reserve stock (Inventory-Allocation), take the deposit
/// (Payment-Token), confirm and hand pickup lines to the store's counter (Pickup). A refused reservation or a declined
/// deposit compensates (stock released) and rejects the order with a reason. Every step's facts go to the order's
/// stream in the same commit as the saga's state and the messages it sends (Marten outbox).
/// </summary>
public sealed class OrderStateMachine : MassTransitStateMachine<OrderState>
{
    public State Reserving { get; private set; } = null!;
    public State TakingDeposit { get; private set; } = null!;
    public State Releasing { get; private set; } = null!;

    public Event<OrderSubmitted> Submitted { get; private set; } = null!;
    public Event<StockReserved> StockReserved { get; private set; } = null!;
    public Event<StockReservationFailed> StockRefused { get; private set; } = null!;
    public Event<DepositCaptured> DepositCaptured { get; private set; } = null!;
    public Event<DepositDeclined> DepositDeclined { get; private set; } = null!;
    public Event<StockReleased> StockReleased { get; private set; } = null!;

    public OrderStateMachine()
    {
        InstanceState(saga => saga.CurrentState);
        Event(() => Submitted, e => e.CorrelateById(m => m.Message.OrderId));
        Event(() => StockReserved, e => e.CorrelateById(m => m.Message.OrderId));
        Event(() => StockRefused, e => e.CorrelateById(m => m.Message.OrderId));
        Event(() => DepositCaptured, e => e.CorrelateById(m => m.Message.OrderId));
        Event(() => DepositDeclined, e => e.CorrelateById(m => m.Message.OrderId));
        Event(() => StockReleased, e => e.CorrelateById(m => m.Message.OrderId));

        Initially(When(Submitted)
            .Then(c => c.Saga.ConfirmationNumber = c.Message.ConfirmationNumber)
            .ThenAsync(c => Steps(c).PriceAsync(c.Saga, c.CancellationToken))
            .IfElse(c => c.Saga.RejectionCode is null,
                priced => priced.PublishAsync(c => Steps(c).ReservationAsync(c.Saga, c.CancellationToken)).TransitionTo(Reserving),
                refused => refused.Then(c => Steps(c).Reject(c.Saga)).Finalize()));

        During(Reserving,
            When(StockReserved)
                .Then(c => Steps(c).Record(c.Saga, new Events.StockReserved(c.Message.ReservationId)))
                .IfElse(c => c.Saga.DepositDue > 0,
                    deposit => deposit.PublishAsync(c => Steps(c).DepositAsync(c.Saga, c.CancellationToken)).TransitionTo(TakingDeposit),
                    noDeposit => noDeposit.ThenAsync(c => Steps(c).ConfirmAsync(c, c.Saga)).Finalize()),
            When(StockRefused)
                .Then(c => Steps(c).Record(c.Saga, new Events.StockReservationFailed(c.Message.Code, c.Message.Reason)))
                .Then(c => (c.Saga.RejectionCode, c.Saga.RejectionReason) = (c.Message.Code, c.Message.Reason))
                .Then(c => Steps(c).Reject(c.Saga))
                .Finalize());

        During(TakingDeposit,
            When(DepositCaptured)
                .Then(c => Steps(c).Record(c.Saga, new Events.DepositCaptured(c.Message.Amount, c.Message.AuthorizationToken, c.Message.CaptureToken)))
                .ThenAsync(c => Steps(c).ConfirmAsync(c, c.Saga))
                .Finalize(),
            When(DepositDeclined)
                .Then(c => Steps(c).Record(c.Saga, new Events.DepositDeclined(c.Message.Code, c.Message.Reason)))
                .Then(c => (c.Saga.RejectionCode, c.Saga.RejectionReason) = (c.Message.Code, c.Message.Reason))
                .Publish(c => new ReleaseStock { OrderId = c.Saga.CorrelationId, Reason = c.Message.Code })
                .TransitionTo(Releasing));

        During(Releasing,
            When(StockReleased)
                .Then(c => Steps(c).Record(c.Saga, new Events.StockReleased(c.Saga.CorrelationId.ToString())))
                .Then(c => Steps(c).Reject(c.Saga))
                .Finalize());

        SetCompletedWhenFinalized();
    }

    private static IOrderSteps Steps(ConsumeContext context) => context.GetServiceOrCreateInstance<IOrderSteps>();
}
