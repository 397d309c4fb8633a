using OmniChannel.Order.Features.MasterData;

namespace OmniChannel.Order.Orders;

/// <summary>ORD-3: what the customer pays before the order is confirmed; PAY-3/4/5: what is authorized for later.</summary>
public static class Deposit
{
    /// <summary>
    /// Business customers default to 0 %; everyone else to the company's default deposit percent, which a store cashier
    /// may override. The storefront takes no deposit: its checkout authorizes the whole order (PAY-3).
    /// </summary>
    public static decimal PercentFor(OrderChannel channel, CustomerType customerType, decimal defaultPercent, decimal? overridePercent = null) =>
        channel == OrderChannel.Online ? 0m
        : overridePercent ?? (customerType == CustomerType.Business ? 0m : defaultPercent);

    /// <summary>
    /// Carry-out lines leave the store now, so they are paid in full; the deposit percent applies to the lines
    /// shipped or picked up later.
    /// </summary>
    public static decimal Due(IReadOnlyList<OrderLine> lines, IReadOnlyList<LinePrice> prices, decimal percent, string currency)
    {
        var net = prices.ToDictionary(p => p.LineId, p => p.NetAmount);
        var carriedOut = lines.Where(l => l.Fulfillment.Kind == FulfillmentKind.CarryOut).Sum(l => net[l.LineId]);
        var later = lines.Where(l => l.Fulfillment.Kind != FulfillmentKind.CarryOut).Sum(l => net[l.LineId]);
        return Money.Round(carriedOut + later * percent / 100m, currency);
    }

    /// <summary>
    /// What is authorized at order time for capture at pickup or invoicing: at a store, the single swipe that pays the
    /// deposit also authorizes the rest (PAY-5; no swipe, no authorization, and a 100 % deposit leaves nothing); the
    /// storefront's checkout and the call center authorize everything not paid now (PAY-3, PAY-4).
    /// </summary>
    public static decimal BalanceToAuthorize(OrderChannel channel, decimal total, decimal depositDue) =>
        channel == OrderChannel.Store && depositDue <= 0 ? 0m : Math.Max(0m, total - depositDue);
}

/// <summary>What the payment taken at order time (Payment-Token's DepositCaptured) means for the order.</summary>
public static class PaymentAtOrder
{
    public static object[] Facts(decimal captured, string authorizationToken, string? captureToken, decimal authorizedBalance,
        DateTimeOffset? expiresAt, bool secondCardRequired, decimal balanceToAuthorize)
    {
        var facts = new List<object>();
        if (captured > 0)
            facts.Add(new DepositCaptured(captured, authorizationToken, captureToken));
        if (authorizedBalance > 0)
            facts.Add(new BalanceAuthorized(authorizedBalance, authorizationToken, expiresAt));
        if (secondCardRequired)
            facts.Add(new SecondCardRequired(balanceToAuthorize - authorizedBalance));
        return [.. facts];
    }
}
