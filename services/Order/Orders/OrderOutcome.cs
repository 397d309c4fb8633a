using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Order.Orders;

/// <summary>Where the order's saga goes after a decision; the final ones end it.</summary>
public enum OrderNext
{
    Unchanged, TakingDeposit, AwaitingFulfillment, Releasing, Rejected, Completed, ReleasingForCancellation, SettlingCancellation, Cancelled,
}

/// <summary>
/// What a decision on one message does: the order's events to append, the commands to send (in this order), and where
/// the saga goes next; <see cref="Rejection"/>, why, when it goes to <see cref="OrderNext.Releasing"/> (the saga keeps it
/// while the stock is released, then records it).
/// </summary>
public sealed record OrderOutcome(OrderNext Next, IReadOnlyList<object> Events, IReadOnlyList<object> Commands, Refusal? Rejection = null);

/// <summary>A decision under way: the order as its events so far leave it, so each rule decides on what the earlier ones did.</summary>
internal sealed record Draft(CustomerOrder Order, IReadOnlyList<object> Events, IReadOnlyList<object> Commands)
{
    public Draft(CustomerOrder order) : this(order, [], []) { }

    public Draft Record(object e) => this with { Order = Order.Fold(e), Events = [.. Events, e] };

    public Draft Record(IEnumerable<object> events) => events.Aggregate(this, (draft, e) => draft.Record(e));

    public Draft Send(object command) => this with { Commands = [.. Commands, command] };

    public OrderOutcome Go(OrderNext next, Refusal? rejection = null) => new(next, Events, Commands, rejection);
}
