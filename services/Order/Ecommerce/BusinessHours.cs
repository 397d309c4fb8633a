using NodaTime;
using NodaTime.Text;
using OmniChannel.Order.Features.MasterData;

namespace OmniChannel.Order.Ecommerce;

/// <summary>
/// ECM-5: an e-commerce order is accepted or rejected within 4 business hours of when it was placed, counted only while
/// the pickup store is open, in the store's time zone (an order placed at night starts counting at opening time; one
/// placed an hour before closing has three hours left the next morning). Counted in elapsed time, so a day that changes
/// to or from daylight saving time counts its real open hours. Pure: NodaTime's time zone database, no clock.
/// </summary>
public static class BusinessHours
{
    public static readonly Duration AcceptWithin = Duration.FromHours(4);

    private static readonly LocalTimePattern HoursPattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>When <paramref name="within"/> business hours after <paramref name="placed"/> have passed; null when the hours cannot be read.</summary>
    public static DateTimeOffset? Deadline(DateTimeOffset placed, StoreHours hours, Duration within)
    {
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(hours.TimeZone) is not { } zone
            || HoursPattern.Parse(hours.Opens) is not { Success: true } opens
            || HoursPattern.Parse(hours.Closes) is not { Success: true } closes
            || opens.Value >= closes.Value)
            return null;
        var from = Instant.FromDateTimeOffset(placed);
        var day = from.InZone(zone).Date;
        var remaining = within;
        for (var days = 0; days < 400; days++, day = day.PlusDays(1))
        {
            var openAt = day.At(opens.Value).InZoneLeniently(zone).ToInstant();
            var closeAt = day.At(closes.Value).InZoneLeniently(zone).ToInstant();
            var start = Instant.Max(from, openAt);
            if (start >= closeAt)
                continue;
            if (closeAt - start >= remaining)
                return (start + remaining).ToDateTimeOffset();
            remaining -= closeAt - start;
        }
        return null;
    }

    /// <summary>Without known hours, the rule's 4 hours count round the clock.</summary>
    public static DateTimeOffset DeadlineOrElapsed(DateTimeOffset placed, StoreHours? hours) =>
        (hours is null ? null : Deadline(placed, hours, AcceptWithin)) ?? placed + AcceptWithin.ToTimeSpan();
}
