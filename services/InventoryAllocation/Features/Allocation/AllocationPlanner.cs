namespace OmniChannel.InventoryAllocation.Features.Allocation;

/// <summary>INV-4: complete ships an order only when every line is available; partial ships its available lines first;
/// batch ships one customer's orders to one address together, all of them or none.</summary>
public enum AllocationOption { Complete, Partial, Batch }

public enum AllocationOutcome { Allocated, PartiallyAllocated, NotAllocated, SkippedHeld }

/// <summary>A ship line still to allocate: its held units at its warehouse.</summary>
public sealed record CandidateLine(int LineId, string Sku, string LocationId, int Quantity)
{
    public string LevelId => $"{LocationId}/{Sku}";
}

/// <summary>A shippable order as a run sees it: its flags (INV-3), when it was taken, and what batch shipment groups it by.</summary>
public sealed record Candidate(Guid OrderId, string ConfirmationNumber, DateTimeOffset OrderedAt, bool Priority, bool Hold, string? BatchKey,
    IReadOnlyList<CandidateLine> Lines);

public sealed record LineResult(int LineId, string Sku, string LocationId, int Quantity, bool Allocated);

/// <summary>One order's line in the run's report: what was allocated where, and what was not.</summary>
public sealed record OrderAllocation(Guid OrderId, string ConfirmationNumber, AllocationOutcome Outcome, bool Priority, string? Batch,
    IReadOnlyList<LineResult> Lines);

/// <summary>
/// INV-4, pure: which lines of the shippable orders the shelf can serve, given the units free for them per level
/// (<c>{location}/{sku}</c>). Priority orders first, then the oldest; held orders are skipped and take nothing; a line is
/// allocated whole or not at all. The run's edge turns the plan into Allocated events at the levels' read versions.
/// </summary>
public static class AllocationPlanner
{
    public static IReadOnlyList<OrderAllocation> Plan(IReadOnlyList<Candidate> candidates, IReadOnlyDictionary<string, int> free, AllocationOption option)
    {
        var left = new Dictionary<string, int>(free);
        var report = new List<OrderAllocation>(candidates.Count);
        report.AddRange(candidates.Where(c => c.Hold).Select(c => Report(c, AllocationOutcome.SkippedHeld, _ => false, null)));

        // A batch is one customer's orders to one address; without both, an order is a batch of its own.
        var groups = candidates.Where(c => !c.Hold)
            .GroupBy(c => option == AllocationOption.Batch && c.BatchKey is { } key ? key : c.OrderId.ToString())
            .Select(g => g.OrderBy(c => c.OrderedAt).ThenBy(c => c.OrderId).ToList())
            .OrderByDescending(g => g.Any(c => c.Priority)).ThenBy(g => g[0].OrderedAt).ThenBy(g => g[0].OrderId);

        foreach (var group in groups)
        {
            var batch = option == AllocationOption.Batch && group[0].BatchKey is not null ? group[0].BatchKey : null;
            if (option == AllocationOption.Partial)
            {
                var order = group[0];
                var taken = order.Lines.Where(line => TryTake(left, [line])).Select(l => l.LineId).ToHashSet();
                var outcome = taken.Count == order.Lines.Count ? AllocationOutcome.Allocated
                    : taken.Count == 0 ? AllocationOutcome.NotAllocated : AllocationOutcome.PartiallyAllocated;
                report.Add(Report(order, outcome, l => taken.Contains(l.LineId), batch));
                continue;
            }
            // Complete and batch: every line of the order (of the batch) or none.
            var all = TryTake(left, group.SelectMany(c => c.Lines).ToList());
            report.AddRange(group.Select(c => Report(c, all ? AllocationOutcome.Allocated : AllocationOutcome.NotAllocated, _ => all, batch)));
        }
        return report;
    }

    /// <summary>Takes the lines' units if the shelf holds all of them (two lines of one level add up), else takes nothing.</summary>
    private static bool TryTake(Dictionary<string, int> left, IReadOnlyList<CandidateLine> lines)
    {
        var wanted = lines.GroupBy(l => l.LevelId).Select(g => (Level: g.Key, Quantity: g.Sum(l => l.Quantity))).ToList();
        if (wanted.Any(w => left.GetValueOrDefault(w.Level) < w.Quantity))
            return false;
        foreach (var (level, quantity) in wanted)
            left[level] -= quantity;
        return true;
    }

    private static OrderAllocation Report(Candidate c, AllocationOutcome outcome, Func<CandidateLine, bool> allocated, string? batch) =>
        new(c.OrderId, c.ConfirmationNumber, outcome, c.Priority, batch,
            c.Lines.Select(l => new LineResult(l.LineId, l.Sku, l.LocationId, l.Quantity, allocated(l))).ToList());
}
