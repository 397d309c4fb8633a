using CsCheck;
using OmniChannel.Contracts.Inventory;
using OmniChannel.InventoryAllocation.Features.Allocation;
using OmniChannel.InventoryAllocation.Features.Reservations;
using OmniChannel.InventoryAllocation.Features.Stock;

namespace OmniChannel.UnitTests.Inventory;

/// <summary>INV-4: the allocation planner over random orders and stock, and the examples the issue checks.</summary>
public class AllocationPlannerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly Gen<CandidateLine> GenLine =
        Gen.Select(Gen.Int[1, 4], Gen.Int[1, 3], Gen.Int[1, 4], (sku, warehouse, quantity) => new CandidateLine(0, $"S{sku}", $"W{warehouse}", quantity));

    private static readonly Gen<Candidate> GenOrder =
        Gen.Select(GenLine.Array[1, 4], Gen.Bool, Gen.Int[0, 9], Gen.Int[0, 1000], Gen.Int[0, 2], (lines, priority, flags, minutes, customer) =>
            new Candidate(Guid.NewGuid(), "CN", T0.AddMinutes(minutes), priority, Hold: flags == 0, customer == 0 ? null : $"C{customer}",
                lines.Select((l, i) => l with { LineId = i + 1 }).ToList()));

    private static readonly Gen<Dictionary<string, int>> GenStock =
        Gen.Int[0, 8].Array[12].Select(q => Enumerable.Range(0, 12).ToDictionary(i => $"W{i % 3 + 1}/S{i / 3 + 1}", i => q[i]));

    private static readonly Gen<(Candidate[] Orders, Dictionary<string, int> Stock, AllocationOption Option)> GenRun =
        Gen.Select(GenOrder.Array[0, 12], GenStock, Gen.Enum<AllocationOption>());

    [Fact]
    public void INV4_never_more_allocated_than_the_shelf_holds_per_sku_and_warehouse() => GenRun.Sample(run =>
    {
        var plan = AllocationPlanner.Plan(run.Orders, run.Stock, run.Option);
        return plan.SelectMany(o => o.Lines).Where(l => l.Allocated).GroupBy(l => $"{l.LocationId}/{l.Sku}")
            .All(g => g.Sum(l => l.Quantity) <= run.Stock.GetValueOrDefault(g.Key));
    });

    [Fact]
    public void INV4_every_order_is_reported_once_and_held_orders_are_never_allocated() => GenRun.Sample(run =>
    {
        var plan = AllocationPlanner.Plan(run.Orders, run.Stock, run.Option);
        return plan.Count == run.Orders.Length && plan.Select(o => o.OrderId).Distinct().Count() == run.Orders.Length
            && plan.Where(o => run.Orders.Single(c => c.OrderId == o.OrderId).Hold)
                .All(o => o.Outcome == AllocationOutcome.SkippedHeld && o.Lines.All(l => !l.Allocated));
    });

    [Fact]
    public void INV4_complete_and_batch_orders_are_all_or_nothing_and_the_outcome_says_what_happened() => GenRun.Sample(run =>
        AllocationPlanner.Plan(run.Orders, run.Stock, run.Option).All(o => o.Outcome switch
        {
            AllocationOutcome.Allocated => o.Lines.All(l => l.Allocated),
            AllocationOutcome.NotAllocated or AllocationOutcome.SkippedHeld => o.Lines.All(l => !l.Allocated),
            AllocationOutcome.PartiallyAllocated => run.Option == AllocationOption.Partial && o.Lines.Any(l => l.Allocated) && o.Lines.Any(l => !l.Allocated),
            _ => false,
        }));

    [Fact]
    public void INV4_when_stock_is_short_a_priority_order_goes_before_any_other() => GenRun.Sample(run =>
    {
        // Complete option, single-line orders of one level: the units go to priority orders first, so a non-priority order
        // is allocated only if every priority order that wanted no more than the units left was allocated too.
        var orders = run.Orders.Where(o => !o.Hold).Select(o => o with { Lines = [o.Lines[0] with { Sku = "S1", LocationId = "W1" }] }).ToArray();
        var plan = AllocationPlanner.Plan(orders, run.Stock, AllocationOption.Complete).ToDictionary(o => o.OrderId);
        var priorityNotServed = orders.Where(o => o.Priority && plan[o.OrderId].Outcome != AllocationOutcome.Allocated).ToList();
        var othersServed = orders.Where(o => !o.Priority && plan[o.OrderId].Outcome == AllocationOutcome.Allocated).ToList();
        return priorityNotServed.All(p => othersServed.All(o => o.Lines[0].Quantity < p.Lines[0].Quantity));
    });

    private static Candidate Order(string cn, bool priority = false, bool hold = false, int minute = 0, string? batch = null, params (string Sku, int Quantity)[] lines) =>
        new(Guid.NewGuid(), cn, T0.AddMinutes(minute), priority, hold, batch, lines.Select((l, i) => new CandidateLine(i + 1, l.Sku, "DC", l.Quantity)).ToList());

    [Fact]
    public void INV4_complete_leaves_an_order_with_an_unavailable_line_unallocated_partial_ships_its_available_lines()
    {
        var order = Order("A", lines: [("X", 1), ("Y", 2)]);
        var stock = new Dictionary<string, int> { ["DC/X"] = 5, ["DC/Y"] = 1 };

        var complete = Assert.Single(AllocationPlanner.Plan([order], stock, AllocationOption.Complete));
        Assert.Equal(AllocationOutcome.NotAllocated, complete.Outcome);
        var partial = Assert.Single(AllocationPlanner.Plan([order], stock, AllocationOption.Partial));
        Assert.Equal((AllocationOutcome.PartiallyAllocated, "True,False"), (partial.Outcome, string.Join(",", partial.Lines.Select(l => l.Allocated))));
    }

    [Fact]
    public void INV4_priority_first_held_skipped_batch_ships_a_customers_orders_together_or_not_at_all()
    {
        var stock = new Dictionary<string, int> { ["DC/X"] = 2 };
        var early = Order("early", minute: 0, lines: ("X", 2));
        var priority = Order("priority", priority: true, minute: 5, lines: ("X", 2));
        var held = Order("held", hold: true, priority: true, minute: -5, lines: ("X", 1));
        var plan = AllocationPlanner.Plan([early, priority, held], stock, AllocationOption.Complete).ToDictionary(o => o.ConfirmationNumber, o => o.Outcome);
        Assert.Equal((AllocationOutcome.Allocated, AllocationOutcome.NotAllocated, AllocationOutcome.SkippedHeld), (plan["priority"], plan["early"], plan["held"]));

        var first = Order("b1", batch: "C1|ADDR", lines: ("X", 2));
        var second = Order("b2", batch: "C1|ADDR", minute: 1, lines: ("X", 1));
        var batch = AllocationPlanner.Plan([first, second], stock, AllocationOption.Batch);
        Assert.All(batch, o => Assert.Equal((AllocationOutcome.NotAllocated, "C1|ADDR"), (o.Outcome, o.Batch)));
        Assert.All(AllocationPlanner.Plan([first, second], new Dictionary<string, int> { ["DC/X"] = 3 }, AllocationOption.Batch),
            o => Assert.Equal(AllocationOutcome.Allocated, o.Outcome));
    }

    [Fact]
    public void INV4_allocated_units_leave_first_when_shipped_and_are_no_longer_allocated_when_released()
    {
        var id = Guid.NewGuid();
        var reservation = new Reservation(id, "CN", ReservationStatus.Active,
            [new ReservationLine { LineId = 1, Sku = "X", Quantity = 3, LocationId = "DC", Kind = ReservationKind.Ship }], null, null, T0,
            Allocations: [new LineAllocation(1, 3, "run-1", T0)]);
        var level = new StockLevel("DC/X", "DC", "X", OnHand: 5, Reserved: 3, Allocated: 3);

        var (issued, refusal) = StockReservations.Issue(reservation, "invoice.1", [new IssuedLine { LineId = 1, Quantity = 2 }]);
        Assert.Null(refusal);
        Assert.Equal((3, 1, 1), Fold(level, issued) is var after ? (after.OnHand, after.Reserved, after.Allocated) : default);

        var shipped = reservation with { Issues = [new StockIssue("invoice.1", [new IssuedLine { LineId = 1, Quantity = 2 }], T0)] };
        var released = StockReservations.Release(id, shipped.Held, shipped.AllocatedHeld);
        Assert.Equal((3, 0, 0), Fold(Fold(level, issued), released) is var end ? (end.OnHand, end.Reserved, end.Allocated) : default);
    }

    [Fact]
    public void INV4_a_write_off_may_go_below_reserved_never_below_allocated_or_transfers()
    {
        var level = new StockLevel("DC/X", "DC", "X", OnHand: 5, Reserved: 4, ScheduledOutbound: 0, Allocated: 2);
        var (changes, refusal) = WriteOffStock.Decide(level, "DC", "X", new StockWriteOff(3, "water damage"));
        Assert.Null(refusal);
        Assert.Equal((2, -2), Fold(level, changes) is var after ? (after.OnHand, after.Available) : default);
        Assert.Equal("stock.below_allocated", WriteOffStock.Decide(level, "DC", "X", new StockWriteOff(4, "lost")).Refusal?.Code);
        Assert.Equal("stock.reason_invalid", WriteOffStock.Decide(level, "DC", "X", new StockWriteOff(1, " ")).Refusal?.Code);
        Assert.Equal("stock.quantity_invalid", WriteOffStock.Decide(level, "DC", "X", new StockWriteOff(0, "lost")).Refusal?.Code);
    }

    private static StockLevel Fold(StockLevel level, IEnumerable<StockChange> changes) => changes.Aggregate(level, (l, c) => Decided.Fold(l, c.Event));
}
