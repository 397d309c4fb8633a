using OmniChannel.Pickup.Features.PickupRequests;

namespace OmniChannel.UnitTests.Pickup;

/// <summary>PUP-6: the counter's cancellation of a received pickup, without a database.</summary>
public class CancelAfterReceiveTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 15, 0, 0, TimeSpan.Zero);

    private static readonly PickupRequest Requested = PickupRequest.Create(new PickupRequested(Guid.NewGuid(), Guid.NewGuid(), "SEATTLE", "SEA-AAAAA-BBBBB",
        "2001", new DateOnly(2026, 11, 22), [new PickupItem("81120", 2, LineId: 1, Upc: "012345678905")], Now, null));

    private static readonly PickupRequest Received = Requested
        .Apply(new PickupReceived(Requested.Id, Now)).Apply(new PutOnHanger(Requested.Id, Now));

    [Fact]
    public void PUP6_a_received_pickup_is_cancelled_with_its_reason_and_comes_off_the_hanger()
    {
        var decision = PickupDecider.CancelAfterReceive(Received, " damaged box ", Now);

        var cancelled = decision.Events.Aggregate(Received, PickupStream.Fold);
        Assert.Equal((PickupStatus.Cancelled, "damaged box", false), (cancelled.Status, cancelled.CancellationReason, cancelled.OnHanger));
        Assert.Equal("pickup.cancelled", PickupDecider.CancelAfterReceive(cancelled, "again", Now).Refusal?.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void PUP6_a_cancellation_without_a_reason_is_refused(string? reason) =>
        Assert.Equal("pickup.reason_required", PickupDecider.CancelAfterReceive(Received, reason, Now).Refusal?.Code);

    [Fact]
    public void PUP6_a_pickup_not_received_yet_is_cancelled_through_its_order_not_at_the_counter() =>
        Assert.Equal("pickup.not_received", PickupDecider.CancelAfterReceive(Requested, "customer", Now).Refusal?.Code);
}
