using MassTransit;

namespace OmniChannel.Messaging.Tests.Model;

public sealed record PlaceOrder(Guid OrderId);
public sealed record AddOrderLine(Guid OrderId);
public sealed record CompleteOrder(Guid OrderId);
public sealed record CloseOrder(Guid OrderId);

public sealed record OrderPending(Guid OrderId);
public sealed record OrderCompleted(Guid OrderId, int Lines);
public sealed record OrderClosed(Guid OrderId);

public sealed class OrderState : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }
    public int Version { get; set; }
    public string CurrentState { get; set; } = "";
    public int Lines { get; set; }
}

/// <summary>Initially → Pending → Completed → finalized (removed), publishing on every transition.</summary>
public sealed class OrderStateMachine : MassTransitStateMachine<OrderState>
{
    public State Pending { get; private set; } = null!;
    public State Completed { get; private set; } = null!;

    public Event<PlaceOrder> Placed { get; private set; } = null!;
    public Event<AddOrderLine> LineAdded { get; private set; } = null!;
    public Event<CompleteOrder> CompleteRequested { get; private set; } = null!;
    public Event<CloseOrder> CloseRequested { get; private set; } = null!;

    public OrderStateMachine()
    {
        InstanceState(order => order.CurrentState);
        Event(() => Placed, e => e.CorrelateById(context => context.Message.OrderId));
        Event(() => LineAdded, e => e.CorrelateById(context => context.Message.OrderId));
        Event(() => CompleteRequested, e => e.CorrelateById(context => context.Message.OrderId));
        Event(() => CloseRequested, e => e.CorrelateById(context => context.Message.OrderId));

        Initially(
            When(Placed).TransitionTo(Pending).Publish(context => new OrderPending(context.Saga.CorrelationId)));
        During(Pending,
            When(LineAdded).Then(context => context.Saga.Lines++),
            When(CompleteRequested).TransitionTo(Completed)
                .Publish(context => new OrderCompleted(context.Saga.CorrelationId, context.Saga.Lines)));
        During(Completed,
            When(CloseRequested).Publish(context => new OrderClosed(context.Saga.CorrelationId)).Finalize());
        SetCompletedWhenFinalized();
    }
}

/// <summary>Many messages of one order at once, to make them collide; correctness must not depend on this.</summary>
public sealed class OrderStateDefinition : SagaDefinition<OrderState>
{
    public OrderStateDefinition()
    {
        ConcurrentMessageLimit = 16;
        Endpoint(endpoint => endpoint.PrefetchCount = 32);
    }
}

/// <summary>Receives what the saga publishes, so the delivery log sees each notice arrive.</summary>
public sealed class OrderNotices : IConsumer<OrderPending>, IConsumer<OrderCompleted>, IConsumer<OrderClosed>
{
    public Task Consume(ConsumeContext<OrderPending> context) => Task.CompletedTask;
    public Task Consume(ConsumeContext<OrderCompleted> context) => Task.CompletedTask;
    public Task Consume(ConsumeContext<OrderClosed> context) => Task.CompletedTask;
}
