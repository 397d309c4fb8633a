using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.Pickup.Features.Printing;

namespace OmniChannel.UnitTests.Pickup;

/// <summary>PUP-1: a store's print slots, in 5-minute steps of its own hour, and the receipt they print.</summary>
public class PrintScheduleTests
{
    private static readonly TimeZoneInfo Seattle = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Theory]
    [InlineData(new[] { 5, 35 }, true)]
    [InlineData(new[] { 0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55 }, true)]
    [InlineData(new[] { 7 }, false)]
    [InlineData(new[] { 60 }, false)]
    [InlineData(new[] { 5, 5 }, false)]
    [InlineData(new int[0], false)]
    public void PUP1_slots_are_minutes_of_the_hour_in_5_minute_steps(int[] minutes, bool valid) =>
        Assert.Equal(valid, PrintSchedule.Validate(minutes) is null);

    [Fact]
    public void PUP1_a_firing_is_due_in_the_stores_slot_and_the_next_slot_is_the_first_configured_one_after_now()
    {
        var now = new DateTimeOffset(2026, 12, 7, 17, 36, 10, TimeSpan.Zero); // 09:36 in Seattle

        Assert.True(PrintSchedule.IsDue([5, 35], now, Seattle));
        Assert.False(PrintSchedule.IsDue([5, 40], now, Seattle));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 18, 5, 0, TimeSpan.Zero), PrintSchedule.Next([5, 35], now, Seattle));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 17, 40, 0, TimeSpan.Zero), PrintSchedule.Next(PrintSchedule.EverySlot, now, Seattle));
    }

    [Fact]
    public void PUP1_a_receipt_is_a_pdf()
    {
        var request = PickupRequest.Create(new PickupRequested(Guid.NewGuid(), Guid.NewGuid(), "SEATTLE", "SEA-AAAAA-BBBBB", "2001",
            new DateOnly(2026, 12, 9), [new PickupItem("81120", 2, LineId: 1, Upc: "012345678905", Name: "Trail running shoe")], DateTimeOffset.UnixEpoch, null));

        var pdf = ReceiptDocument.Render(request, new PickupLocation("SEATTLE", "Seattle store", "America/Los_Angeles"));

        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
    }
}
