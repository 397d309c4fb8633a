using System.Reflection;
using OmniChannel.Pickup.Features.PickupRequests;

namespace OmniChannel.UnitTests.Pickup;

/// <summary>The counter's decisions over a pickup request's events (PUP-1 … PUP-8), without a database.</summary>
public class PickupDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.NewGuid();

    private static readonly PickupRequest Requested = PickupRequest.Create(new PickupRequested(Id, Guid.NewGuid(), "SEATTLE", "SEA-AAAAA-BBBBB",
        "2001", new DateOnly(2026, 11, 22),
        [new PickupItem("81120", 2, LineId: 1, Upc: "012345678905", Name: "Trail shoe"), new PickupItem("83010", 1, LineId: 2, Upc: "012345678929")],
        Now, null));

    private static PickupRequest Fold(PickupRequest request, PickupDecider.Decision decision)
    {
        Assert.Null(decision.Refusal);
        return decision.Events.Aggregate(request, PickupStream.Fold);
    }

    private static PickupRequest ReceiptScanned => Fold(Requested, PickupDecider.ScanReceipt(Requested, "SEA-AAAAA-BBBBB", Now));

    [Fact]
    public void PUP3_scanning_the_receipt_then_every_item_receives_the_request_and_puts_it_on_the_hanger()
    {
        var request = ReceiptScanned;
        request = Fold(request, PickupDecider.ScanItem(request, "012345678905", "k1", Now));
        request = Fold(request, PickupDecider.ScanItem(request, "012345678929", "k2", Now));
        Assert.Equal(PickupStatus.Requested, request.Status);

        var last = PickupDecider.ScanItem(request, "012345678905", "k3", Now);

        Assert.Equal([typeof(ItemScanned), typeof(PickupReceived), typeof(PutOnHanger)], last.Events.Select(e => e.GetType()));
        var received = Fold(request, last);
        Assert.Equal((PickupStatus.Received, true, Now), (received.Status, received.OnHanger, received.ReceivedAt));
        Assert.All(received.Items, item => Assert.Equal(0, item.ToScan));
    }

    [Fact]
    public void PUP3_items_are_scanned_only_after_the_receipt_and_a_wrong_receipt_is_refused()
    {
        Assert.Equal("pickup.receipt_not_scanned", PickupDecider.ScanItem(Requested, "012345678905", "k1", Now).Refusal?.Code);
        Assert.Equal("pickup.receipt_mismatch", PickupDecider.ScanReceipt(Requested, "SEA-XXXXX-XXXXX", Now).Refusal?.Code);
        Assert.Empty(PickupDecider.ScanReceipt(ReceiptScanned, "SEA-AAAAA-BBBBB", Now).Events); // scanning it again changes nothing
    }

    [Fact]
    public void PUP3_a_wrong_item_or_one_too_many_is_refused_with_its_code()
    {
        var request = ReceiptScanned;
        request = Fold(request, PickupDecider.ScanItem(request, "012345678929", "k1", Now));

        Assert.Equal("pickup.item_not_in_request", PickupDecider.ScanItem(request, "099999999999", "k2", Now).Refusal?.Code);
        Assert.Equal("pickup.item_already_scanned", PickupDecider.ScanItem(request, "012345678929", "k3", Now).Refusal?.Code);
    }

    [Fact]
    public void PUP3_a_scan_sent_again_under_its_key_counts_once_and_the_key_is_not_reused_for_another_item()
    {
        var request = Fold(ReceiptScanned, PickupDecider.ScanItem(ReceiptScanned, "012345678905", "k1", Now));

        Assert.Empty(PickupDecider.ScanItem(request, "012345678905", "k1", Now).Events);
        Assert.Equal("idempotency_key.reused", PickupDecider.ScanItem(request, "012345678929", "k1", Now).Refusal?.Code);
        Assert.Equal(1, request.Items[0].Scanned);
    }

    [Fact]
    public void PUP3_a_product_whose_upc_is_unknown_is_scanned_by_its_sku()
    {
        var request = Requested with { Items = [new PickupItem("90001", 1, LineId: 1)] };
        request = Fold(request, PickupDecider.ScanReceipt(request, request.ConfirmationNumber, Now));

        Assert.Equal(PickupStatus.Received, Fold(request, PickupDecider.ScanItem(request, "90001", "k1", Now)).Status);
    }

    [Fact]
    public void PUP1_the_first_print_is_the_receipt_later_ones_are_reprints()
    {
        var printed = Fold(Requested, PickupDecider.Print(Requested, "job-1", Now));

        Assert.Equal(Now, printed.PrintedAt);
        Assert.IsType<ReceiptReprinted>(Assert.Single(PickupDecider.Print(printed, "job-2", Now.AddHours(1)).Events));
    }

    [Fact]
    public void PUP2_a_partial_cancellation_leaves_the_rest_to_collect_and_cancelling_the_rest_cancels_the_request()
    {
        var partly = Fold(Requested, PickupDecider.CancelItems(Requested, [new CancelledItem(1, "81120", 1)], "customer", Now));
        Assert.Equal((PickupStatus.Requested, 1, 1), (partly.Status, partly.Items[0].Cancelled, partly.Items[0].Open));

        var rest = PickupDecider.CancelItems(partly, [new CancelledItem(1, "81120", 5), new CancelledItem(2, "83010", 1)], "customer", Now);

        Assert.Equal([typeof(PickupPartiallyCancelled), typeof(PickupCancelled)], rest.Events.Select(e => e.GetType()));
        Assert.Equal([new CancelledItem(1, "81120", 1), new CancelledItem(2, "83010", 1)], ((PickupPartiallyCancelled)rest.Events[0]).Items);
        Assert.Equal(PickupStatus.Cancelled, Fold(partly, rest).Status);
    }

    [Fact]
    public void ORD8_the_order_cancelled_cancels_an_open_request_and_leaves_a_closed_one()
    {
        var cancelled = Fold(Requested, PickupDecider.Cancel(Requested, "order cancelled", Now));

        Assert.Equal((PickupStatus.Cancelled, "order cancelled"), (cancelled.Status, cancelled.CancellationReason));
        Assert.Empty(PickupDecider.Cancel(cancelled, "again", Now).Events);
    }

    [Fact]
    public void PUP5_not_possible_needs_a_reason_and_closes_the_request()
    {
        Assert.Equal("pickup.reason_required", PickupDecider.NotPossible(Requested, " ", Now).Refusal?.Code);

        var refused = Fold(Requested, PickupDecider.NotPossible(Requested, "out of stock", Now));

        Assert.Equal((PickupStatus.NotPossible, "out of stock", false), (refused.Status, refused.NotPossibleReason, refused.IsOpen));
        Assert.Equal("pickup.closed", PickupDecider.NotPossible(refused, "again", Now).Refusal?.Code);
    }

    [Fact]
    public void PUP8_a_request_past_its_pickup_date_is_reported_and_released_once()
    {
        Assert.Empty(PickupDecider.Expire(Requested, Requested.PickupDate, Now).Events); // its own day is not past it

        var expired = Fold(Requested, PickupDecider.Expire(Requested, Requested.PickupDate.AddDays(1), Now));

        Assert.Equal((PickupStatus.Expired, Requested.PickupDate.AddDays(1)), (expired.Status, expired.ExpiryReportedOn));
        Assert.Empty(PickupDecider.Expire(expired, Requested.PickupDate.AddDays(2), Now).Events);
    }

    [Fact]
    public void Every_event_of_a_pickup_request_has_its_Apply_and_is_folded()
    {
        var events = typeof(PickupRequested).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(PickupRequested).Namespace && t.GetProperty("PickupId") is not null && t != typeof(PickupRequested));
        var applied = typeof(PickupRequest).GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == "Apply")
            .Select(m => m.GetParameters()[0].ParameterType).ToHashSet();

        Assert.All(events, e => Assert.Contains(e, applied));
        // Fold refuses an event it does not know with ArgumentException; an empty event may fail inside its Apply, which is fine here.
        Assert.All(applied, e => Assert.IsNotType<ArgumentException>(
            Record.Exception(() => PickupStream.Fold(Requested, System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(e)))));
    }
}
