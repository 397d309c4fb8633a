using OmniChannel.Contracts.Inventory;
using OmniChannel.InventoryAllocation.Features.Reservations;
using OmniChannel.InventoryAllocation.Features.Stock;

namespace OmniChannel.UnitTests.Inventory;

/// <summary>Every stock change is an event with its reason, decided over the level without a database (INV-1, INV-7).</summary>
public class StockDeciderTests
{
    private static readonly Guid OrderId = Guid.NewGuid();

    private static StockLevel Level(int onHand, int reserved, string location = "HOUSTON", string sku = "81120") =>
        new(StockLevel.IdFor(location, sku), location, sku, onHand, reserved);

    private static ReservationLine Line(int lineId, int quantity, ReservationKind kind = ReservationKind.Pickup, string location = "HOUSTON", string sku = "81120") =>
        new() { LineId = lineId, Sku = sku, Quantity = quantity, LocationId = location, Kind = kind };

    private static Dictionary<string, StockLevel> Levels(params StockLevel[] levels) => levels.ToDictionary(l => l.Id);

    private static StockLevel? Replay(StockLevel? level, IEnumerable<StockChange> changes) =>
        changes.Aggregate(level, (current, change) => Decided.Fold(current, change.Event));

    [Fact]
    public void A_first_count_opens_the_levels_stream_and_names_its_SKU_and_location()
    {
        var (changes, refusal) = StockDecider.Count(null, "HOUSTON", "81120", 7);

        Assert.Null(refusal);
        Assert.Equal([new StockEvent.Opened("HOUSTON", "81120"), new StockEvent.Counted(7, 0)], changes.Select(c => c.Event));
        Assert.All(changes, c => Assert.Equal("HOUSTON/81120", c.LevelId));
        Assert.Equal(Level(7, 0), Replay(null, changes));
    }

    [Fact]
    public void A_count_keeps_what_is_reserved_and_is_refused_below_it()
    {
        var (changes, _) = StockDecider.Count(Level(10, 4), "HOUSTON", "81120", 6);
        Assert.Equal([new StockEvent.Counted(6, 10)], changes.Select(c => c.Event));
        Assert.Equal(Level(6, 4), Replay(Level(10, 4), changes));

        var refused = StockDecider.Count(Level(10, 4), "HOUSTON", "81120", 3).Refusal;
        Assert.Equal(("stock.below_reserved", true), (refused?.Code, refused?.IsConflict));
        Assert.Equal("stock.on_hand_negative", StockDecider.Count(null, "HOUSTON", "81120", -1).Refusal?.Code);
    }

    [Theory]
    [InlineData(0, "PO-1", "stock.quantity_invalid")]
    [InlineData(-3, "PO-1", "stock.quantity_invalid")]
    [InlineData(5, "", "stock.reference_invalid")]
    [InlineData(5, null, "stock.reference_invalid")]
    public void A_receipt_is_a_positive_quantity_with_what_it_came_on(int quantity, string? reference, string code) =>
        Assert.Equal(code, StockDecider.Receive(Level(1, 0), "HOUSTON", "81120", quantity, reference).Refusal?.Code);

    [Fact]
    public void A_receipt_adds_to_on_hand()
    {
        var (changes, _) = StockDecider.Receive(Level(1, 1), "HOUSTON", "81120", 5, "PO-77");
        Assert.Equal([new StockEvent.Received(5, "PO-77")], changes.Select(c => c.Event));
        Assert.Equal(Level(6, 1), Replay(Level(1, 1), changes));
    }

    [Fact]
    public void INV7_ship_and_pickup_lines_reserve_and_carry_out_takes_stock_at_once()
    {
        var levels = Levels(Level(5, 0), Level(3, 0, sku: "86002"));

        var (changes, refusal) = StockReservations.Reserve(levels, OrderId, [Line(1, 2), Line(2, 1, ReservationKind.CarryOut, sku: "86002")]);

        Assert.Null(refusal);
        Assert.Equal([new StockChange("HOUSTON/81120", new StockEvent.Reserved(OrderId, 1, 2)), new StockChange("HOUSTON/86002", new StockEvent.CarriedOut(OrderId, 2, 1))],
            changes);
        Assert.Equal(Level(5, 2), Replay(levels["HOUSTON/81120"], changes.Where(c => c.LevelId == "HOUSTON/81120")));
        Assert.Equal(Level(2, 0, sku: "86002"), Replay(levels["HOUSTON/86002"], changes.Where(c => c.LevelId == "HOUSTON/86002")));
    }

    [Fact]
    public void INV7_all_lines_or_none_and_two_lines_of_one_SKU_see_each_others_units()
    {
        var levels = Levels(Level(3, 1));

        var (changes, refusal) = StockReservations.Reserve(levels, OrderId, [Line(1, 1), Line(2, 1, ReservationKind.Ship), Line(3, 1, ReservationKind.CarryOut)]);

        Assert.Equal("stock.insufficient", refusal?.Code);
        Assert.Empty(changes);
        Assert.Equal("stock.not_stocked", StockReservations.Reserve(levels, OrderId, [Line(1, 1, location: "SEATTLE")]).Refusal?.Code);
        Assert.Equal("line.quantity_invalid", StockReservations.Reserve(levels, OrderId, [Line(1, 0)]).Refusal?.Code);
    }

    [Fact]
    public void A_release_undoes_exactly_what_the_reservation_did()
    {
        var before = Levels(Level(5, 1), Level(3, 0, sku: "86002"));
        var lines = new[] { Line(1, 2), Line(2, 1, ReservationKind.CarryOut, sku: "86002") };
        var (reserved, _) = StockReservations.Reserve(before, OrderId, lines);

        var released = StockReservations.Release(OrderId, lines);

        foreach (var (id, level) in before)
            Assert.Equal(level, Replay(level, reserved.Concat(released).Where(c => c.LevelId == id)));
    }

    [Fact]
    public void Every_event_has_a_reason_and_a_level_folds_it()
    {
        var level = Level(10, 2);
        object[] events =
        [
            new StockEvent.Received(1, "PO-1"), new StockEvent.Counted(10, 10), new StockEvent.Reserved(OrderId, 1, 1),
            new StockEvent.Released(OrderId, 1, 1), new StockEvent.CarriedOut(OrderId, 1, 1), new StockEvent.CarryOutReturned(OrderId, 1, 1),
            new StockEvent.Issued(OrderId, "f", 1, 1), new StockEvent.TransferScheduled("TR-1", "SEATTLE", 1),
            new StockEvent.TransferredOut("TR-1", "SEATTLE", 1), new StockEvent.TransferInTransit("TR-2", "DALLAS", 1),
            new StockEvent.TransferredIn("TR-2", "DALLAS", 1), new StockEvent.Allocated(OrderId, 1, 1, "run-1"), new StockEvent.WrittenOff(1, "damaged"),
        ];

        Assert.Equal(StockEvent.All.Except([typeof(StockEvent.Opened)]), events.Select(e => e.GetType())); // Opened only starts a stream
        Assert.All(events, e => Assert.NotEmpty(StockEvent.ReasonOf(e)));
        Assert.All(events, e => Decided.Fold(level, e));
        Assert.Throws<InvalidOperationException>(() => Decided.Fold(null, new StockEvent.Received(1, "PO-1")));
    }
}
