using OmniChannel.Contracts.Inventory;
using OmniChannel.InventoryAllocation.Features.Reservations;
using OmniChannel.InventoryAllocation.Features.Stock;

namespace OmniChannel.UnitTests.Inventory;

/// <summary>ORD-7 / PUP-2: cancelled units of an order still open go back to their location, never more than the line still holds.</summary>
public class StockLineReleaseTests
{
    private static readonly Reservation Reservation = new(Guid.NewGuid(), "HOU-AAAAA-BBBBB", ReservationStatus.Active,
    [
        new ReservationLine { LineId = 1, Sku = "81120", Quantity = 3, LocationId = "SEATTLE", Kind = ReservationKind.Pickup },
        new ReservationLine { LineId = 2, Sku = "86002", Quantity = 1, LocationId = "HOUSTON", Kind = ReservationKind.CarryOut },
    ], null, null, DateTimeOffset.UtcNow);

    private static readonly StockLevel Seattle = new("SEATTLE/81120", "SEATTLE", "81120", OnHand: 10, Reserved: 3);

    private static ReleasedLine Released(int lineId, int quantity) => new() { LineId = lineId, Sku = "81120", Quantity = quantity };

    [Fact]
    public void PUP2_cancelled_units_go_back_reserved_down_available_up_with_the_reason_released()
    {
        var (changes, refusal) = StockReservations.ReleaseLines(Reservation, [Released(1, 1)]);

        Assert.Null(refusal);
        var change = Assert.Single(changes);
        Assert.Equal(new StockChange("SEATTLE/81120", new StockEvent.Released(Reservation.Id, 1, 1)), change);
        Assert.Equal("released", StockEvent.ReasonOf(change.Event));
        var after = Decided.Fold(Seattle, change.Event);
        Assert.Equal((10, 2, 8), (after.OnHand, after.Reserved, after.Available));
    }

    [Fact]
    public void PUP2_what_was_released_or_issued_is_no_longer_held_and_cannot_be_released_again()
    {
        var released = Reservation with
        {
            Releases = [new StockLineRelease("c1", [Released(1, 1)], DateTimeOffset.UtcNow)],
            Issues = [new StockIssue("pickup.1", [new IssuedLine { LineId = 1, Quantity = 1 }], DateTimeOffset.UtcNow)],
        };

        Assert.Equal([(1, 1), (2, 1)], released.Held.Select(l => (l.LineId, l.Quantity)));
        Assert.Equal("release.quantity_invalid", StockReservations.ReleaseLines(released, [Released(1, 2)]).Refusal?.Code);
        Assert.Equal("issue.quantity_invalid", StockReservations.Issue(released, "pickup.2", [new IssuedLine { LineId = 1, Quantity = 2 }]).Refusal?.Code);
        Assert.Null(StockReservations.ReleaseLines(released, [Released(1, 1)]).Refusal);
    }

    [Theory]
    [InlineData(2, 1, "release.line_unknown")] // carry-out goods left at once
    [InlineData(9, 1, "release.line_unknown")]
    [InlineData(1, 0, "release.quantity_invalid")]
    [InlineData(1, 4, "release.quantity_invalid")]
    public void ORD7_a_release_the_reservation_cannot_honour_is_refused(int lineId, int quantity, string code) =>
        Assert.Equal(code, StockReservations.ReleaseLines(Reservation, [Released(lineId, quantity)]).Refusal?.Code);

    [Fact]
    public void ORD7_allocated_units_go_back_last()
    {
        var allocated = Reservation with { Allocations = [new LineAllocation(1, 2, "run.1", DateTimeOffset.UtcNow)] };

        var one = Assert.Single(StockReservations.ReleaseLines(allocated, [Released(1, 1)]).Changes);
        var all = Assert.Single(StockReservations.ReleaseLines(allocated, [Released(1, 3)]).Changes);

        Assert.Equal(0, ((StockEvent.Released)one.Event).Allocated);
        Assert.Equal(2, ((StockEvent.Released)all.Event).Allocated);
    }
}
