using OmniChannel.Order.Features.MasterData;

namespace OmniChannel.Order.Orders;

/// <summary>ORD-3: what the customer pays before the order is confirmed.</summary>
public static class Deposit
{
    /// <summary>Business customers default to 0 %; everyone else to the company's default deposit percent.</summary>
    public static decimal PercentFor(CustomerType customerType, decimal defaultPercent) =>
        customerType == CustomerType.Business ? 0m : defaultPercent;

    /// <summary>
    /// Carry-out lines leave the store now, so they are paid in full; the deposit percent applies to the lines
    /// shipped or picked up later.
    /// </summary>
    public static decimal Due(IReadOnlyList<OrderLine> lines, IReadOnlyList<LinePrice> prices, decimal percent)
    {
        var net = prices.ToDictionary(p => p.LineId, p => p.NetAmount);
        var carriedOut = lines.Where(l => l.Fulfillment.Kind == FulfillmentKind.CarryOut).Sum(l => net[l.LineId]);
        var later = lines.Where(l => l.Fulfillment.Kind != FulfillmentKind.CarryOut).Sum(l => net[l.LineId]);
        return Money.Round(carriedOut + later * percent / 100m);
    }
}
