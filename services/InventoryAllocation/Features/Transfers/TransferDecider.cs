using OmniChannel.InventoryAllocation.Features.Stock;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.InventoryAllocation.Features.Transfers;

/// <summary>INV-1, pure: a transfer order's steps as the transfer's new state and the events of the levels it moves.</summary>
public static class TransferDecider
{
    public static (IReadOnlyList<StockChange> Changes, Refusal? Refusal) Create(CreateTransferRequest request, IReadOnlyDictionary<string, StockLevel> levels)
    {
        if (string.IsNullOrWhiteSpace(request.Number) || request.Number.Length > 40 || !request.Number.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            return ([], new("transfer.number_invalid", "A transfer number is 1 to 40 letters, digits, '-', '_' or '.'."));
        if (string.IsNullOrWhiteSpace(request.FromLocationId) || string.IsNullOrWhiteSpace(request.ToLocationId) || request.FromLocationId == request.ToLocationId)
            return ([], new("transfer.locations_invalid", "A transfer goes from one warehouse to another."));
        if (request.Lines is not { Count: > 0 and <= 200 } lines)
            return ([], new("transfer.lines_invalid", "A transfer has 1 to 200 lines."));
        if (lines.Any(l => l is null || string.IsNullOrWhiteSpace(l.Sku) || l.Quantity is <= 0 or > 1_000_000))
            return ([], new("transfer.line_invalid", "Each line names a SKU and 1 to 1,000,000 units."));
        if (lines.GroupBy(l => l.Sku).Any(g => g.Count() > 1))
            return ([], new("transfer.sku_repeated", "Each SKU is on one line of a transfer."));

        var decided = new Decided(levels);
        foreach (var line in lines)
        {
            var id = StockLevel.IdFor(request.FromLocationId, line.Sku);
            if (decided.Level(id) is not { } level)
                return ([], Refusal.Conflict("stock.not_stocked", $"{line.Sku} is not stocked at {request.FromLocationId}."));
            if (level.Available < line.Quantity)
                return ([], Refusal.Conflict("stock.insufficient", $"{line.Sku} at {request.FromLocationId}: {level.Available} available, {line.Quantity} to transfer."));
            decided.Add(id, new StockEvent.TransferScheduled(request.Number, request.ToLocationId, line.Quantity));
        }
        return (decided.Changes, null);
    }

    /// <summary>The goods leave the sender and are in transit to the receiver, whose level opens if it never held the SKU.</summary>
    public static (IReadOnlyList<StockChange> Changes, Refusal? Refusal) Ship(TransferOrder transfer, IReadOnlyDictionary<string, StockLevel> levels)
    {
        if (transfer.Status != TransferStatus.Scheduled)
            return ([], Refusal.Conflict("transfer.already_shipped", $"Transfer {transfer.Id} is {transfer.Status}."));
        var changes = new List<StockChange>();
        foreach (var line in transfer.Lines)
        {
            changes.Add(new(StockLevel.IdFor(transfer.FromLocationId, line.Sku), new StockEvent.TransferredOut(transfer.Id, transfer.ToLocationId, line.Quantity)));
            changes.AddRange(StockDecider.Opening(levels.GetValueOrDefault(StockLevel.IdFor(transfer.ToLocationId, line.Sku)), transfer.ToLocationId, line.Sku));
            changes.Add(new(StockLevel.IdFor(transfer.ToLocationId, line.Sku), new StockEvent.TransferInTransit(transfer.Id, transfer.FromLocationId, line.Quantity)));
        }
        return (changes, null);
    }

    public static (IReadOnlyList<StockChange> Changes, Refusal? Refusal) Receive(TransferOrder transfer) => transfer.Status switch
    {
        TransferStatus.Scheduled => ([], Refusal.Conflict("transfer.not_shipped", $"Transfer {transfer.Id} has not left {transfer.FromLocationId} yet.")),
        TransferStatus.Received => ([], Refusal.Conflict("transfer.already_received", $"Transfer {transfer.Id} was received.")),
        _ => (transfer.Lines.Select(line => new StockChange(StockLevel.IdFor(transfer.ToLocationId, line.Sku),
            new StockEvent.TransferredIn(transfer.Id, transfer.FromLocationId, line.Quantity))).ToList(), null),
    };
}
