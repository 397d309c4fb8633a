using OmniChannel.Contracts.Inventory;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Order.Features.CancelOrder;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Order.Orders;

/// <summary>ORD-7: units of the order's open lines cancelled; they are no longer open, their stock goes back (INV-7) and they are never captured.</summary>
public sealed record LinesCancelled(string CancellationId, IReadOnlyList<LineToCancel> Lines, string Reason, DateTimeOffset At);

public sealed record LineCancellationRefused(string CancellationId, string Code, string Reason);

/// <summary>
/// ORD-7 / PUP-2: some units of a confirmed order's open lines cancelled. Recorded on the order (they are no longer
/// open), their reserved stock given back (<see cref="ReleaseStockLines"/>) and their pickup lines taken off the store's
/// open requests with a slip (<see cref="CancelPickupLines"/>). Everything still open cancelled while nothing has left yet
/// is the whole order's cancellation (ORD-8); everything left fulfilled and paid completes the order as a fulfillment
/// does. Money: cancelled units are never captured; a deposit is used by the goods that leave, what they do not use is
/// not refunded here (see the README). Pure: the saga loads the order, decides, appends and sends.
/// </summary>
public static class LineCancellationDecider
{
    public const int MaxReasonLength = 200;

    /// <summary>Why these lines cannot be cancelled on the order as it is, or null.</summary>
    public static Refusal? Check(CustomerOrder order, IReadOnlyList<LineToCancel>? lines, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
            return new("line_cancellation.reason_required", $"A line cancellation gives its reason: 1 to {MaxReasonLength} characters.");
        if (lines is null || lines.Count == 0 || lines.Any(l => l is null))
            return new("line_cancellation.lines_required", "Name the lines to cancel: [{\"lineId\":1,\"quantity\":1}].");
        foreach (var asked in lines.GroupBy(l => l.LineId, l => l.Quantity))
        {
            if (order.Lines.FirstOrDefault(l => l.LineId == asked.Key) is not { } line)
                return new("line_cancellation.line_unknown", $"Order {order.Id} has no line {asked.Key}.");
            if (asked.Any(q => q <= 0))
                return new("line_cancellation.quantity_invalid", $"Line {asked.Key}: a quantity is at least 1.");
            if (asked.Sum() > order.OpenQuantity(line))
                return Refusal.Conflict("line_cancellation.quantity_over_open",
                    $"Line {asked.Key}: {asked.Sum()} to cancel, {order.OpenQuantity(line)} still open (the rest was fulfilled or cancelled).");
        }
        return OrderRefusals.NotOpen(order);
    }

    /// <summary>True when the lines are everything still open and nothing has left yet: the whole order is cancelled instead (ORD-8).</summary>
    public static bool IsWholeOrder(CustomerOrder order, IReadOnlyList<LineToCancel> lines) =>
        order.Fulfilled.Count == 0
        && order.Lines.All(line => order.OpenQuantity(line) == lines.Where(l => l.LineId == line.LineId).Sum(l => l.Quantity));

    public static OrderOutcome Decide(CustomerOrder order, CancelOrderLines cancel, DateTimeOffset now)
    {
        var draft = new Draft(order);
        if (order.LineCancellations?.Any(c => c.CancellationId == cancel.CancellationId) == true
            || order.Cancellation?.CancellationId == cancel.CancellationId)
            return draft.Go(OrderNext.Unchanged);
        if (Check(order, cancel.Lines, cancel.Reason) is { } refusal)
            return draft.Record(new LineCancellationRefused(cancel.CancellationId, refusal.Code, refusal.Detail)).Go(OrderNext.Unchanged);
        if (IsWholeOrder(order, cancel.Lines))
            return CancellationDecider.Decide(order,
                new CancelCustomerOrder { OrderId = order.OrderId, CancellationId = cancel.CancellationId, ChargePercent = cancel.ChargePercentIfWhole }, now);

        var lines = cancel.Lines.GroupBy(l => l.LineId).Select(g => new LineToCancel(g.Key, g.Sum(l => l.Quantity))).ToList();
        var ordered = lines.Select(l => (Line: order.Lines.Single(o => o.LineId == l.LineId), l.Quantity)).ToList();
        draft = draft.Record(new LinesCancelled(cancel.CancellationId, lines, cancel.Reason, now))
            .Send(new ReleaseStockLines
            {
                OrderId = order.OrderId, ReleaseId = cancel.CancellationId,
                Lines = ordered.Select(l => new ReleasedLine { LineId = l.Line.LineId, Sku = l.Line.Sku, Quantity = l.Quantity }).ToList(),
            });
        var pickup = ordered.Where(l => l.Line.Fulfillment.Kind == FulfillmentKind.Pickup).ToList();
        if (pickup.Count > 0)
            draft = draft.Send(new CancelPickupLines
            {
                OrderId = order.OrderId, CancellationId = cancel.CancellationId, Reason = cancel.Reason,
                Lines = pickup.Select(l => new PickupLine { LineId = l.Line.LineId, Sku = l.Line.Sku, Quantity = l.Quantity }).ToList(),
            });
        return Completion.IfDone(draft, now) ?? draft.Go(OrderNext.Unchanged);
    }

    /// <summary>Lines cancelled while the whole order is being cancelled are recorded as refused, nothing else.</summary>
    public static OrderOutcome WhileCancelling(CustomerOrder order, CancelOrderLines again) =>
        new Draft(order)
            .Record(new LineCancellationRefused(again.CancellationId, "order.cancelled", "The order is already being cancelled."))
            .Go(OrderNext.Unchanged);
}
