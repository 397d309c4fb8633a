namespace OmniChannel.Order.Orders;

/// <summary>The Payment service's word on an order's money: its ledger's totals, and what its check against the processor found.</summary>
public sealed record LedgerWord(decimal Authorized, decimal Captured, decimal OpenAuthorizations, decimal Refunded, decimal NetCaptured,
    bool LedgerAgreesWithProcessor, IReadOnlyList<string> ProcessorDifferences);

/// <summary>
/// Issue 12's reconciliation: order status, ledger and processor agree. The ledger against the processor is the Payment
/// service's check (<see cref="LedgerWord.ProcessorDifferences"/>); the order against its ledger is this one, pure:
/// what the order recorded as captured and refunded is what the ledger holds, nothing is captured beyond the order's
/// total, and a closed order holds no authorization.
/// </summary>
public static class MoneyAgreement
{
    /// <summary>The differences between the order and its money; none when they agree. <paramref name="ledger"/> is null when the order has no payments.</summary>
    public static IReadOnlyList<string> Differences(CustomerOrder order, LedgerWord? ledger)
    {
        var differences = new List<string>();
        var capturedByOrder = order.DepositPaid + order.Fulfilled.Sum(f => f.Captured);
        var refundedByOrder = order.Cancellation?.Refunded ?? 0m;
        if (ledger is null)
        {
            if (capturedByOrder != 0 || refundedByOrder != 0)
                differences.Add($"The order recorded {capturedByOrder} captured and {refundedByOrder} refunded, but it has no payments.");
            return differences;
        }

        differences.AddRange(ledger.ProcessorDifferences);
        if (!ledger.LedgerAgreesWithProcessor && ledger.ProcessorDifferences.Count == 0)
            differences.Add("The Payment service says its ledger and the processor disagree.");
        if (InFlight(order))
            return differences; // its payment at order time is still being taken: the order learns it with the answer
        if (ledger.Captured != capturedByOrder)
            differences.Add($"The order recorded {capturedByOrder} captured, the ledger holds {ledger.Captured}.");
        if (ledger.Refunded != refundedByOrder)
            differences.Add($"The order recorded {refundedByOrder} refunded, the ledger holds {ledger.Refunded}.");
        if (ledger.NetCaptured > order.Total)
            differences.Add($"{ledger.NetCaptured} is captured for an order of {order.Total}.");
        switch (order.Status)
        {
            case OrderStatus.Completed when ledger.NetCaptured != CompletedAt(order):
                differences.Add($"The order is completed at {CompletedAt(order)}, the ledger holds {ledger.NetCaptured} captured.");
                break;
            case OrderStatus.Cancelled when ledger.NetCaptured != order.DepositPaid - refundedByOrder:
                differences.Add($"The cancelled order kept {order.DepositPaid - refundedByOrder}, the ledger holds {ledger.NetCaptured} captured.");
                break;
            case OrderStatus.Rejected when ledger.NetCaptured != 0:
                differences.Add($"The rejected order holds {ledger.NetCaptured} captured.");
                break;
        }
        if (order.Status is OrderStatus.Completed or OrderStatus.Cancelled or OrderStatus.Rejected && ledger.OpenAuthorizations != 0)
            differences.Add($"The order is {order.Status}, but {ledger.OpenAuthorizations} is still authorized.");
        return differences;
    }

    /// <summary>
    /// What a completed order holds: its total, or with lines cancelled (ORD-7) what the goods that left cost, plus a
    /// deposit they did not use (kept: a line cancellation refunds nothing yet).
    /// </summary>
    public static decimal CompletedAt(CustomerOrder order) =>
        order.LineCancellations is { Count: > 0 } ? order.Fulfilled.Sum(f => f.Value) + order.PaidAheadLeft : order.Total;

    /// <summary>Before confirmation (or rejection) the saga may be between the processor's answer and the order's event.</summary>
    public static bool InFlight(CustomerOrder order) =>
        order.Status is OrderStatus.Pending or OrderStatus.Created or OrderStatus.Priced or OrderStatus.Reserved;
}
