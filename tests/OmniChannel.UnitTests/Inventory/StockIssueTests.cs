using OmniChannel.Contracts.Inventory;
using OmniChannel.InventoryAllocation.Features.Reservations;
using OmniChannel.InventoryAllocation.Features.Stock;

namespace OmniChannel.UnitTests.Inventory;

/// <summary>PUP-4 / PAY-6: reserved goods handed over or shipped leave the stock; a later release gives back only what is still held.</summary>
public class StockIssueTests
{
    private static readonly Reservation Reservation = new(Guid.NewGuid(), "HOU-AAAAA-BBBBB", ReservationStatus.Active,
    [
        new ReservationLine { LineId = 1, Sku = "81120", Quantity = 3, LocationId = "SEATTLE", Kind = ReservationKind.Pickup },
        new ReservationLine { LineId = 2, Sku = "86002", Quantity = 1, LocationId = "HOUSTON", Kind = ReservationKind.CarryOut },
    ], null, null, DateTimeOffset.UtcNow);

    private static readonly StockLevel Seattle = new("SEATTLE/81120", "SEATTLE", "81120", OnHand: 10, Reserved: 3);

    private static IssuedLine Issued(int lineId, int quantity) => new() { LineId = lineId, Quantity = quantity };

    [Fact]
    public void PUP4_goods_handed_over_lower_both_on_hand_and_reserved()
    {
        var (changes, refusal) = StockReservations.Issue(Reservation, "pickup.1", [Issued(1, 2)]);

        Assert.Null(refusal);
        var change = Assert.Single(changes);
        Assert.Equal(new StockChange("SEATTLE/81120", new StockEvent.Issued(Reservation.Id, "pickup.1", 1, 2)), change);
        var after = Decided.Fold(Seattle, change.Event);
        Assert.Equal((8, 1), (after.OnHand, after.Reserved));
    }

    [Fact]
    public void What_was_issued_is_no_longer_held_and_cannot_be_issued_again()
    {
        var issued = Reservation with { Issues = [new StockIssue("pickup.1", [Issued(1, 2)], DateTimeOffset.UtcNow)] };

        Assert.Equal([(1, 1), (2, 1)], issued.Held.Select(l => (l.LineId, l.Quantity)));
        Assert.Equal("issue.quantity_invalid", StockReservations.Issue(issued, "pickup.2", [Issued(1, 2)]).Refusal?.Code);
        Assert.Equal("issue.line_unknown", StockReservations.Issue(issued, "pickup.2", [Issued(2, 1)]).Refusal?.Code); // carry-out left at once
    }

    [Fact]
    public void A_release_gives_back_only_what_is_still_held_and_puts_carried_out_goods_back()
    {
        var issued = Reservation with { Issues = [new StockIssue("pickup.1", [Issued(1, 2)], DateTimeOffset.UtcNow)] };

        Assert.Equal(
            [new StockChange("SEATTLE/81120", new StockEvent.Released(Reservation.Id, 1, 1)), new StockChange("HOUSTON/86002", new StockEvent.CarryOutReturned(Reservation.Id, 2, 1))],
            StockReservations.Release(Reservation.Id, issued.Held));
    }
}
