using OmniChannel.Contracts.Pickup;
using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.CancelOrder;

/// <summary>
/// PUP-5 / PUP-6 / PUP-8: what the order does when a store ended a pickup request (not possible, expired, cancelled at the
/// counter), under the request's cancellation id. The request held every line still open and nothing has left yet: the
/// whole order is cancelled (ORD-8) with the given charge. Otherwise (lines elsewhere, goods already handed over) its
/// lines are cancelled (ORD-7): their stock released, the rest of the order stays open. Null, with why, when the order
/// cannot take either (not open, nothing of the request still open).
/// </summary>
public static class EndedPickupCancellation
{
    public static (object? Command, string? WhyNot) Decide(CustomerOrder order, string cancellationId, IReadOnlyList<PickupLine> lines, string reason,
        decimal chargePercent)
    {
        var held = lines.GroupBy(l => l.LineId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        var coversAll = order.Lines.All(line => order.OpenQuantity(line) <= held.GetValueOrDefault(line.LineId));
        if (coversAll && CancellationDecider.Charge(order, chargePercent, chargePercent).Refusal is null)
            return (new CancelCustomerOrder { OrderId = order.OrderId, CancellationId = cancellationId, ChargePercent = chargePercent }, null);
        if (OrderRefusals.NotOpen(order) is { } notOpen)
            return (null, notOpen.Code);
        var open = order.Lines
            .Select(line => new LineToCancel(line.LineId, Math.Min(order.OpenQuantity(line), held.GetValueOrDefault(line.LineId))))
            .Where(l => l.Quantity > 0)
            .ToList();
        if (open.Count == 0)
            return (null, "line_cancellation.nothing_open");
        return (new CancelOrderLines { OrderId = order.OrderId, CancellationId = cancellationId, Lines = open, Reason = reason, ChargePercentIfWhole = chargePercent },
            null);
    }
}
