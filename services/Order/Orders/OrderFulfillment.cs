using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Order.Orders;

public sealed record LineQuantity(int LineId, int Quantity);

/// <summary>
/// PUP-4, PAY-3 … PAY-10: what goods leaving cost and what is left to capture for them. Pure: the saga decides with it
/// on the order's current state, and the HTTP endpoints check with it before accepting.
/// </summary>
public static class OrderFulfillment
{
    /// <summary>
    /// The goods of a pickup completion at <paramref name="locationId"/> (pickup lines of that store) or of an invoice
    /// (shipped lines, from wherever they ship), checked against what is still open. Each line's value is its net amount pro rata, rounded on
    /// what was fulfilled so far, so the fulfillments of a line add up to its net amount to the cent. The deposit or
    /// prepayment pays first (PAY-5: it was captured at order time); the rest is due from the order's card tenders.
    /// </summary>
    public static (LinesFulfilled? Fulfilled, Refusal? Refusal) Fulfill(CustomerOrder order, string fulfillmentId, FulfillmentSource source,
        string locationId, IReadOnlyList<LineQuantity> lines, DateTimeOffset now)
    {
        if (OrderRefusals.NotOpen(order) is { } notOpen)
            return (null, notOpen);
        if (lines.Count == 0)
            return Refuse("fulfillment.empty", "Name at least one line and quantity.");

        var fulfilled = new List<FulfilledLine>();
        foreach (var group in lines.GroupBy(l => l.LineId, l => l.Quantity))
        {
            var line = order.Lines.FirstOrDefault(l => l.LineId == group.Key);
            if (line is null)
                return Refuse("fulfillment.line_unknown", $"Order {order.Id} has no line {group.Key}.");
            if (source == FulfillmentSource.Invoice && line.Fulfillment.Kind != FulfillmentKind.Ship)
                return Refuse("fulfillment.line_not_shipped", $"Line {line.LineId} is not a shipped line: only shipped lines are invoiced (PAY-6).");
            if (source == FulfillmentSource.Pickup && (line.Fulfillment.Kind != FulfillmentKind.Pickup || line.Fulfillment.LocationId != locationId))
                return Refuse("fulfillment.line_not_picked_up_here", $"Line {line.LineId} is not picked up at {locationId}.");
            var quantity = group.Sum();
            var open = order.OpenQuantity(line);
            if (group.Any(q => q <= 0) || quantity > open)
                return Refuse("fulfillment.quantity_invalid", $"Line {line.LineId}: {quantity} to fulfill, {open} open.");
            fulfilled.Add(new FulfilledLine(line.LineId, quantity, ValueOf(order, line, quantity)));
        }

        var from = source == FulfillmentSource.Invoice
            ? string.Join(",", fulfilled.Select(f => order.Lines.Single(l => l.LineId == f.LineId).Fulfillment.LocationId).Distinct())
            : locationId;
        return (Leaving(order, fulfillmentId, source, from, fulfilled, now), null);
    }

    /// <summary>Carry-out lines leave at the terminal when the order is confirmed, paid in full by the deposit (ORD-3).</summary>
    public static LinesFulfilled? CarryOut(CustomerOrder order, DateTimeOffset now)
    {
        var lines = order.Lines.Where(l => l.Fulfillment.Kind == FulfillmentKind.CarryOut && order.OpenQuantity(l) > 0).ToList();
        if (lines.Count == 0)
            return null;
        var fulfilled = lines.Select(l => new FulfilledLine(l.LineId, l.Quantity, ValueOf(order, l, l.Quantity))).ToList();
        return Leaving(order, "carry-out", FulfillmentSource.CarryOut, lines[0].Fulfillment.LocationId, fulfilled, now);
    }

    /// <summary>The id of the next capture for a fulfillment: the fulfillment's own first, then <c>{id}.2</c>, <c>{id}.3</c> …</summary>
    public static string NextAttemptId(FulfillmentRecord fulfillment) =>
        fulfillment.Attempts.Count == 0 ? fulfillment.Id : $"{fulfillment.Id}.{fulfillment.Attempts.Count + 1}";

    /// <summary>The fulfillment a capture answer belongs to.</summary>
    public static FulfillmentRecord? OfAttempt(CustomerOrder order, string attemptId) =>
        order.Fulfilled.FirstOrDefault(f => f.Attempts.Any(a => a.AttemptId == attemptId));

    /// <summary>The goods' value, of which the deposit or prepayment not used yet pays first; the rest is due.</summary>
    private static LinesFulfilled Leaving(CustomerOrder order, string fulfillmentId, FulfillmentSource source, string locationId,
        IReadOnlyList<FulfilledLine> lines, DateTimeOffset now)
    {
        var value = lines.Sum(l => l.Amount);
        var paidAhead = Math.Min(order.PaidAheadLeft, value);
        return new LinesFulfilled(fulfillmentId, source, locationId, lines, value, paidAhead, value - paidAhead, now);
    }

    private static decimal ValueOf(CustomerOrder order, OrderLine line, int quantity)
    {
        var net = order.Prices.Single(p => p.LineId == line.LineId).NetAmount;
        var before = order.FulfilledQuantity(line.LineId);
        return Money.Round(net * (before + quantity) / line.Quantity, order.Currency) - Money.Round(net * before / line.Quantity, order.Currency);
    }

    private static (LinesFulfilled?, Refusal?) Refuse(string code, string detail) => (null, new Refusal(code, detail));
}
