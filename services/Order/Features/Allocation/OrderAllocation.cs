using Marten;
using MassTransit;
using OmniChannel.Contracts.Inventory;

namespace OmniChannel.Order.Features.Allocation;

/// <summary>INV-4: one line's units an allocation run confirmed at a warehouse: they will ship from there.</summary>
public sealed record AllocatedLineRecord(int LineId, int Quantity, string LocationId, string RunId, DateTimeOffset At);

/// <summary>
/// INV-4: what Inventory-Allocation allocated of an order, by confirmation number. Kept beside the order's stream, not on
/// it: the saga owns the stream, and an allocation changes neither the order's money nor its status.
/// </summary>
public sealed record OrderAllocation(string Id, Guid OrderId, IReadOnlyList<AllocatedLineRecord> Lines);

/// <summary>Keeps each run's allocation once: a redelivered message finds its run recorded and changes nothing.</summary>
public sealed class StockAllocatedConsumer(IDocumentSession session) : IConsumer<StockAllocated>
{
    public async Task Consume(ConsumeContext<StockAllocated> context)
    {
        var m = context.Message;
        var current = await session.LoadAsync<OrderAllocation>(m.ConfirmationNumber, context.CancellationToken)
            ?? new OrderAllocation(m.ConfirmationNumber, m.OrderId, []);
        if (current.Lines.Any(l => l.RunId == m.RunId))
            return;
        session.Store(current with
        {
            Lines = [.. current.Lines, .. m.Lines.Select(l => new AllocatedLineRecord(l.LineId, l.Quantity, l.LocationId, m.RunId, m.AllocatedAt))],
        });
        await session.SaveChangesAsync(context.CancellationToken);
    }
}
