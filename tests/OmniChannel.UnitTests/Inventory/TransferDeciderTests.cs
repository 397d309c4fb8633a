using OmniChannel.InventoryAllocation.Features.Stock;
using OmniChannel.InventoryAllocation.Features.Transfers;

namespace OmniChannel.UnitTests.Inventory;

/// <summary>INV-1 transfer orders: scheduled outbound at the sender, in transit, then on hand at the receiver.</summary>
public class TransferDeciderTests
{
    private static readonly StockLevel Houston = new("HOUSTON/81120", "HOUSTON", "81120", OnHand: 10, Reserved: 3);

    private static readonly Dictionary<string, StockLevel> Levels = new() { [Houston.Id] = Houston };

    private static CreateTransferRequest Request(int quantity, string to = "SEATTLE") => new("TR-1", "HOUSTON", to, [new("81120", quantity)]);

    private static TransferOrder Transfer(TransferStatus status) =>
        new("TR-1", "HOUSTON", "SEATTLE", [new("81120", 4)], status, DateTimeOffset.UnixEpoch);

    private static Dictionary<string, StockLevel> Replay(IReadOnlyDictionary<string, StockLevel> levels, IEnumerable<StockChange> changes)
    {
        var after = new Dictionary<string, StockLevel>(levels);
        foreach (var change in changes)
            after[change.LevelId] = Decided.Fold(after.GetValueOrDefault(change.LevelId), change.Event);
        return after;
    }

    [Fact]
    public void INV1_a_scheduled_transfer_makes_its_units_scheduled_outbound_and_no_longer_available()
    {
        var (changes, refusal) = TransferDecider.Create(Request(4), Levels);

        Assert.Null(refusal);
        var houston = Replay(Levels, changes)["HOUSTON/81120"];
        Assert.Equal((10, 3, 4, 3), (houston.OnHand, houston.Reserved, houston.ScheduledOutbound, houston.Available));
    }

    [Theory]
    [InlineData(8, "SEATTLE", "stock.insufficient")] // 7 available: 10 on hand, 3 reserved
    [InlineData(2, "HOUSTON", "transfer.locations_invalid")]
    [InlineData(0, "SEATTLE", "transfer.line_invalid")]
    public void A_transfer_the_sender_cannot_make_is_refused(int quantity, string to, string code) =>
        Assert.Equal(code, TransferDecider.Create(Request(quantity, to), Levels).Refusal?.Code);

    [Fact]
    public void A_transfer_without_a_number_or_lines_is_refused()
    {
        Assert.Equal("transfer.number_invalid", TransferDecider.Create(Request(1) with { Number = "TR 1" }, Levels).Refusal?.Code);
        Assert.Equal("transfer.lines_invalid", TransferDecider.Create(Request(1) with { Lines = [] }, Levels).Refusal?.Code);
        Assert.Equal("transfer.sku_repeated", TransferDecider.Create(Request(1) with { Lines = [new("81120", 1), new("81120", 1)] }, Levels).Refusal?.Code);
        Assert.Equal("stock.not_stocked", TransferDecider.Create(Request(1) with { Lines = [new("86002", 1)] }, Levels).Refusal?.Code);
    }

    [Fact]
    public void INV1_shipped_goods_leave_the_sender_and_are_in_transit_at_the_receiver_until_received()
    {
        var (scheduled, _) = TransferDecider.Create(Request(4), Levels);
        var afterCreate = Replay(Levels, scheduled);

        var (shipped, refusal) = TransferDecider.Ship(Transfer(TransferStatus.Scheduled), afterCreate);
        Assert.Null(refusal);
        var afterShip = Replay(afterCreate, shipped);
        Assert.Equal((6, 0, 3), (afterShip["HOUSTON/81120"].OnHand, afterShip["HOUSTON/81120"].ScheduledOutbound, afterShip["HOUSTON/81120"].Available));
        Assert.Equal((0, 4, 0), (afterShip["SEATTLE/81120"].OnHand, afterShip["SEATTLE/81120"].InTransit, afterShip["SEATTLE/81120"].Available));

        var (received, _) = TransferDecider.Receive(Transfer(TransferStatus.Shipped));
        var afterReceipt = Replay(afterShip, received);
        Assert.Equal((4, 0, 4), (afterReceipt["SEATTLE/81120"].OnHand, afterReceipt["SEATTLE/81120"].InTransit, afterReceipt["SEATTLE/81120"].Available));
    }

    [Fact]
    public void Each_step_happens_once_and_in_order()
    {
        Assert.Equal("transfer.not_shipped", TransferDecider.Receive(Transfer(TransferStatus.Scheduled)).Refusal?.Code);
        Assert.Equal("transfer.already_received", TransferDecider.Receive(Transfer(TransferStatus.Received)).Refusal?.Code);
        Assert.Equal("transfer.already_shipped", TransferDecider.Ship(Transfer(TransferStatus.Shipped), Levels).Refusal?.Code);
    }
}
