using OmniChannel.Pickup.Features.Cancellations;
using OmniChannel.Pickup.Features.PickupRequests;

namespace OmniChannel.UnitTests.Pickup;

/// <summary>PUP-2: what a cancellation slip lists and takes off the hanger, without a database.</summary>
public class CancellationSlipRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 15, 0, 0, TimeSpan.Zero);

    private static readonly PickupRequest Requested = PickupRequest.Create(new PickupRequested(Guid.NewGuid(), Guid.NewGuid(), "SEATTLE", "SEA-AAAAA-BBBBB",
        "2001", new DateOnly(2026, 11, 22),
        [new PickupItem("81120", 3, LineId: 1, Upc: "012345678905"), new PickupItem("83010", 1, LineId: 2, Upc: "012345678929")], Now, null));

    private static readonly PickupRequest Printed = Requested.Apply(new ReceiptPrinted(Requested.Id, "print.receipt", Now));

    private static (PickupRequest After, CancellationSlipPrinted? Slip) Cancel(PickupRequest request, string slipId, string? cancellationId,
        params CancelledItem[] items)
    {
        var decision = PickupDecider.CancelItems(request, items, "customer", Now, cancellationId);
        var slip = CancellationSlipRules.Slip(request, decision.Events, slipId, Now);
        return (decision.Events.Concat(slip is null ? [] : [slip]).Aggregate(request, PickupStream.Fold), slip);
    }

    [Fact]
    public void PUP2_each_slip_lists_only_the_newly_cancelled_items_and_the_stores_option_lists_the_whole_history()
    {
        var (first, firstSlip) = Cancel(Printed, "print.slip1", "c1", new CancelledItem(1, "81120", 1));
        var (second, secondSlip) = Cancel(first, "print.slip2", "c2", new CancelledItem(1, "81120", 1));

        Assert.Equal([new CancelledItem(1, "81120", 1)], firstSlip!.Items);
        Assert.Equal([new CancelledItem(1, "81120", 1)], secondSlip!.Items);
        Assert.Equal([new CancelledItem(1, "81120", 2)], CancellationSlipRules.Printed(second, secondSlip, withHistory: true));
        Assert.Equal((PickupStatus.Requested, 1), (second.Status, second.Items[0].Open));
    }

    [Fact]
    public void PUP2_the_same_cancellation_delivered_again_cancels_nothing_more()
    {
        var (first, _) = Cancel(Printed, "print.slip1", "c1", new CancelledItem(1, "81120", 1));

        Assert.Empty(PickupDecider.CancelItems(first, [new CancelledItem(1, "81120", 1)], "customer", Now, "c1").Events);
    }

    [Fact]
    public void PUP2_a_receipt_not_printed_yet_gets_no_slip()
    {
        Assert.Null(Cancel(Requested, "print.slip", "c1", new CancelledItem(2, "83010", 1)).Slip);
    }

    [Fact]
    public void PUP2_cancelling_every_item_voids_the_receipt_and_the_whole_cancellation_slip_lists_what_was_still_to_collect()
    {
        var (partly, _) = Cancel(Printed, "print.slip1", "c1", new CancelledItem(1, "81120", 1));
        var (all, slip) = Cancel(partly, "print.slip2", "c2", new CancelledItem(1, "81120", 2), new CancelledItem(2, "83010", 1));
        Assert.Equal(PickupStatus.Cancelled, all.Status);
        Assert.Equal([new CancelledItem(1, "81120", 2), new CancelledItem(2, "83010", 1)], slip!.Items);

        var wholeOrder = PickupDecider.Cancel(partly, "order.cancelled", Now);
        Assert.Equal([new CancelledItem(1, "81120", 2), new CancelledItem(2, "83010", 1)],
            CancellationSlipRules.Slip(partly, wholeOrder.Events, "print.slip3", Now)!.Items);
    }

    [Fact]
    public void PUP2_printing_the_slip_takes_its_items_off_the_hanger_once()
    {
        var (cancelled, slip) = Cancel(Printed, "print.slip1", "c1", new CancelledItem(1, "81120", 2));

        var off = CancellationSlipRules.TakeOffHanger(cancelled, slip!.PrintJobId, Now);
        var after = off.Events.Aggregate(cancelled, PickupStream.Fold);

        Assert.Equal([typeof(CancelledItemsOffHanger)], off.Events.Select(e => e.GetType()));
        Assert.Equal((2, 0), (after.Items[0].OffHanger, after.Items[1].OffHanger));
        Assert.Equal(Now, after.Slips!.Single().OffHangerAt);
        Assert.Empty(CancellationSlipRules.TakeOffHanger(after, slip.PrintJobId, Now).Events);
        Assert.Empty(CancellationSlipRules.TakeOffHanger(after, "print.other", Now).Events);
    }
}
