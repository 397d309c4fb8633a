using OmniChannel.Pickup.Features.Expiry;
using OmniChannel.Pickup.Features.PickupRequests;

namespace OmniChannel.UnitTests.Pickup;

/// <summary>PUP-8's expiry list and PUP-5's "not possible", decided without a database.</summary>
public class ExpiryRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);
    private static readonly PickupLocation Seattle = new("SEATTLE", "Seattle store", "America/Los_Angeles");

    private static PickupRequest Request(string receipt, DateOnly pickupDate, params PickupItem[] items) =>
        PickupRequest.Create(new PickupRequested(Guid.NewGuid(), Guid.NewGuid(), "SEATTLE", receipt, "2001", pickupDate,
            items.Length > 0 ? items : [new PickupItem("81120", 2, LineId: 1, Upc: "012345678905", Name: "Trail shoe")], Now.AddDays(-5), null));

    private static PickupRequest Fold(PickupRequest request, PickupDecider.Decision decision)
    {
        Assert.Null(decision.Refusal);
        return decision.Events.Aggregate(request, PickupStream.Fold);
    }

    [Fact]
    public void PUP8_the_stores_day_is_its_own_time_zones_not_UTCs()
    {
        // 03:00 UTC on the 24th is still the evening of the 23rd in Seattle.
        Assert.Equal(new DateOnly(2026, 11, 23), ExpiryRules.StoreToday(Seattle, Now));
        Assert.Equal(new DateOnly(2026, 11, 24), ExpiryRules.StoreToday(Seattle with { TimeZone = "Not/AZone" }, Now)); // unknown: UTC
    }

    [Fact]
    public void PUP8_the_list_has_the_open_requests_past_their_deadline_oldest_first_with_what_they_still_held()
    {
        var day = new DateOnly(2026, 11, 23);
        var dueToday = Request("SEA-TODAY-00000", day);
        var older = Request("SEA-OLDER-00000", day.AddDays(-3));
        var yesterday = Request("SEA-YESTD-00000", day.AddDays(-1),
            new PickupItem("81120", 2, LineId: 1, Upc: "012345678905", Name: "Trail shoe"), new PickupItem("83010", 1, LineId: 2));
        yesterday = Fold(yesterday, PickupDecider.CancelItems(yesterday, [new CancelledItem(2, "83010", 1)], "customer asked", Now));
        var cancelled = Fold(Request("SEA-CANCL-00000", day.AddDays(-2)), PickupDecider.Cancel(Request("SEA-CANCL-00000", day.AddDays(-2)), "x", Now));

        var report = ExpiryRules.Report([dueToday, yesterday, cancelled, older], day, Now);

        Assert.Equal(["SEA-OLDER-00000", "SEA-YESTD-00000"], report.Select(r => r.Receipt.ReceiptNumber));
        Assert.All(report, r => Assert.Equal([typeof(ExpiryReported), typeof(PickupExpired)], r.Decision.Events.Select(e => e.GetType())));
        var held = Assert.Single(report[1].Receipt.Items); // the cancelled line is not on the list
        Assert.Equal((1, "81120", "012345678905", 2), (held.LineId, held.Sku, held.Upc, held.Quantity));
    }

    [Fact]
    public void PUP8_a_request_reported_once_is_on_no_later_list()
    {
        var request = Request("SEA-ONCE0-00000", new DateOnly(2026, 11, 20));
        var day = new DateOnly(2026, 11, 23);
        var expired = Fold(request, Assert.Single(ExpiryRules.Report([request], day, Now)).Decision);

        Assert.Equal((PickupStatus.Expired, false, day), (expired.Status, expired.OnHanger, expired.ExpiryReportedOn));
        Assert.Empty(ExpiryRules.Report([expired], day, Now));
        Assert.Empty(ExpiryRules.Report([expired], day.AddDays(1), Now));
    }

    [Fact]
    public void PUP5_not_possible_keeps_whether_the_goods_were_out_of_stock()
    {
        var request = Request("SEA-NOTPS-00000", new DateOnly(2026, 11, 23));

        var decision = PickupDecider.NotPossible(request, "  shelf empty ", Now, outOfStock: true);

        var refused = Assert.IsType<PickupNotPossible>(Assert.Single(decision.Events));
        Assert.Equal(("shelf empty", true), (refused.Reason, refused.OutOfStock));
        Assert.Equal(PickupStatus.NotPossible, Fold(request, decision).Status);
    }
}
