using OmniChannel.Contracts.Inventory;
using OmniChannel.InventoryAllocation.Features.Reservations;
using OmniChannel.InventoryAllocation.Features.Stock;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.UnitTests.Inventory;

/// <summary>PUP-4 / PAY-6: reserved goods handed over or shipped leave the stock; a later release gives back only what is still held.</summary>
public class StockIssueTests
{
    private static readonly Reservation Reservation = new(Guid.NewGuid(), "HOU-AAAAA-BBBBB", ReservationStatus.Active,
    [
        new ReservationLine { LineId = 1, Sku = "81120", Quantity = 3, LocationId = "SEATTLE", Kind = ReservationKind.Pickup },
        new ReservationLine { LineId = 2, Sku = "86002", Quantity = 1, LocationId = "HOUSTON", Kind = ReservationKind.CarryOut },
    ], null, null, DateTimeOffset.UtcNow);

    private static readonly Dictionary<string, StockLevel> Levels = new()
    {
        ["SEATTLE/81120"] = new("SEATTLE/81120", "SEATTLE", "81120", OnHand: 10, Reserved: 3),
        ["HOUSTON/86002"] = new("HOUSTON/86002", "HOUSTON", "86002", OnHand: 4, Reserved: 0),
    };

    private static IssuedLine Issued(int lineId, int quantity) => new() { LineId = lineId, Quantity = quantity };

    [Fact]
    public void PUP4_goods_handed_over_lower_both_on_hand_and_reserved()
    {
        var (changed, refusal) = StockReservations.Issue(Levels, Reservation, [Issued(1, 2)]);

        Assert.Null(refusal);
        Assert.Equal((8, 1), (changed.Single().OnHand, changed.Single().Reserved));
    }

    [Fact]
    public void What_was_issued_is_no_longer_held_and_cannot_be_issued_again()
    {
        var issued = Reservation with { Issues = [new StockIssue("pickup.1", [Issued(1, 2)], DateTimeOffset.UtcNow)] };

        Assert.Equal([(1, 1), (2, 1)], issued.Held.Select(l => (l.LineId, l.Quantity)));
        Assert.Equal("issue.quantity_invalid", StockReservations.Issue(Levels, issued, [Issued(1, 2)]).Refusal?.Code);
        Assert.Equal("issue.line_unknown", StockReservations.Issue(Levels, issued, [Issued(2, 1)]).Refusal?.Code); // carry-out left at once
    }
}
