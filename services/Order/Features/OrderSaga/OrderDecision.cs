using MassTransit;
using OmniChannel.Order.Features.EcommerceOrders;
using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.OrderSaga;

public delegate OrderOutcome OrderDecider<in T>(BehaviorContext<OrderState, T> context, CustomerOrder order, DateTimeOffset now) where T : class;

/// <summary>
/// The saga's one step with I/O: loads the order, lets a pure decider decide on the message, appends the events it
/// decided, sends its commands (and, for an online order rejected or completed, <see cref="OnlineSaleRejected"/> or
/// <see cref="OnlineSaleCompleted"/>), and leaves the outcome on the context for the machine to branch on.
/// </summary>
public sealed class OrderDecision<T>(OrderDecider<T> decide) : IStateMachineActivity<OrderState, T> where T : class
{
    public async Task Execute(BehaviorContext<OrderState, T> context, IBehavior<OrderState, T> next)
    {
        var stream = context.GetServiceOrCreateInstance<IOrderStream>();
        var now = context.GetServiceOrCreateInstance<TimeProvider>().GetUtcNow();
        var order = await stream.LoadAsync(context.Saga.ConfirmationNumber, context.CancellationToken);
        var outcome = decide(context, order, now);

        stream.Append(context.Saga.ConfirmationNumber, outcome.Events);
        foreach (var command in outcome.Commands)
            await context.Publish(command, context.CancellationToken); // by its runtime type
        foreach (var rejected in OnlineSaleRejected.Of(order, outcome.Events))
            await context.Publish(rejected, context.CancellationToken); // an e-commerce order learns its sale was refused (ECM-6)
        foreach (var completed in OnlineSaleCompleted.Of(order, outcome.Events))
            await context.Publish(completed, context.CancellationToken); // … or that it was handed over and paid (PUP-9)
        context.AddOrUpdatePayload(() => outcome, _ => outcome);
        await next.Execute(context);
    }

    public Task Faulted<TException>(BehaviorExceptionContext<OrderState, T, TException> context, IBehavior<OrderState, T> next)
        where TException : Exception => next.Faulted(context);

    public void Probe(ProbeContext context) => context.CreateScope("order-decision");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);
}

public static class OrderDecisionExtensions
{
    /// <summary>Decides on the message with the order as its stream holds it (see <see cref="OrderDecision{T}"/>).</summary>
    public static EventActivityBinder<OrderState, T> Decide<T>(this EventActivityBinder<OrderState, T> binder, OrderDecider<T> decide)
        where T : class => binder.Add(new OrderDecision<T>(decide));

    /// <summary>Where the decision on this message sends the saga.</summary>
    public static OrderNext Next(this BehaviorContext<OrderState> context) => context.GetPayload<OrderOutcome>().Next;
}
