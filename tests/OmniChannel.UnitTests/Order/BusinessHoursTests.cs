using NodaTime;
using OmniChannel.Order.Ecommerce;
using OmniChannel.Order.Features.MasterData;

namespace OmniChannel.UnitTests.Order;

/// <summary>ECM-5: 4 business hours in the pickup store's opening hours and time zone.</summary>
public class BusinessHoursTests
{
    private static readonly StoreHours Houston = new("America/Chicago", "09:00", "21:00");

    private static DateTimeOffset Chicago(int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(2026, month, day, hour, minute).InZoneLeniently(DateTimeZoneProviders.Tzdb["America/Chicago"]).ToDateTimeOffset();

    [Fact]
    public void ECM5_an_order_placed_while_the_store_is_open_is_due_four_hours_later() =>
        Assert.Equal(Chicago(12, 7, 14), BusinessHours.Deadline(Chicago(12, 7, 10), Houston, BusinessHours.AcceptWithin));

    [Fact]
    public void ECM5_an_order_placed_at_night_starts_counting_when_the_store_opens() =>
        Assert.Equal(Chicago(12, 8, 13), BusinessHours.Deadline(Chicago(12, 7, 23, 30), Houston, BusinessHours.AcceptWithin));

    [Fact]
    public void ECM5_an_order_placed_an_hour_before_closing_has_three_hours_left_the_next_morning() =>
        Assert.Equal(Chicago(12, 8, 12), BusinessHours.Deadline(Chicago(12, 7, 20), Houston, BusinessHours.AcceptWithin));

    [Fact]
    public void ECM5_an_order_placed_before_opening_is_due_four_hours_after_opening() =>
        Assert.Equal(Chicago(12, 7, 13), BusinessHours.Deadline(Chicago(12, 7, 6), Houston, BusinessHours.AcceptWithin));

    [Fact]
    public void ECM5_the_store_s_time_zone_counts_not_UTC()
    {
        // 02:30 UTC is 20:30 the evening before in Chicago (half an hour before closing), and 18:30 in Seattle.
        var placed = new DateTimeOffset(2026, 12, 8, 2, 30, 0, TimeSpan.Zero);
        Assert.Equal(Chicago(12, 8, 12, 30), BusinessHours.Deadline(placed, Houston, BusinessHours.AcceptWithin));
        var seattle = new StoreHours("America/Los_Angeles", "09:00", "21:00");
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 10, 30, 0, TimeSpan.FromHours(-8)), BusinessHours.Deadline(placed, seattle, BusinessHours.AcceptWithin));
    }

    [Fact]
    public void ECM5_the_night_daylight_saving_time_begins_does_not_count()
    {
        // 8 March 2026: clocks go from 02:00 to 03:00 in Chicago, while the store is closed.
        Assert.Equal(Chicago(3, 8, 12), BusinessHours.Deadline(Chicago(3, 7, 20), Houston, BusinessHours.AcceptWithin));
    }

    [Fact]
    public void Unreadable_hours_or_zone_fall_back_to_four_elapsed_hours()
    {
        var placed = Chicago(12, 7, 22);
        Assert.Null(BusinessHours.Deadline(placed, Houston with { TimeZone = "Mars/Olympus" }, BusinessHours.AcceptWithin));
        Assert.Equal(placed.AddHours(4), BusinessHours.DeadlineOrElapsed(placed, Houston with { Opens = "9am" }));
        Assert.Equal(placed.AddHours(4), BusinessHours.DeadlineOrElapsed(placed, null));
    }
}
