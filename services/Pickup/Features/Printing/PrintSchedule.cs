using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pickup.Features.Printing;

/// <summary>
/// PUP-1: a store's receipt printing: the minutes of the hour it prints at (5-minute slots: all twelve = every 5 minutes,
/// or e.g. 5 and 35), and when it last printed. A store that set nothing prints at every slot. <see cref="SlipWithHistory"/>
/// (PUP-2): its cancellation slips list every item cancelled so far instead of only the newly cancelled ones.
/// </summary>
public sealed record PrintSettings(string StoreId, IReadOnlyList<int> Minutes, DateTimeOffset? LastPrintAt = null, bool SlipWithHistory = false);

/// <summary>PUP-1, pure: which slots are valid, which one is due now, which comes next.</summary>
public static class PrintSchedule
{
    public const int SlotMinutes = 5;

    public static readonly IReadOnlyList<int> EverySlot = Enumerable.Range(0, 60 / SlotMinutes).Select(i => i * SlotMinutes).ToList();

    public static Refusal? Validate(IReadOnlyList<int>? minutes) =>
        minutes is not { Count: > 0 } || minutes.Any(m => m is < 0 or > 59 || m % SlotMinutes != 0) || minutes.Distinct().Count() != minutes.Count
            ? Refusal.Invalid("printing.minutes_invalid",
                $"Minutes of the hour in {SlotMinutes}-minute steps (0, 5, … 55), at least one, each once; e.g. [5, 35].")
            : null;

    /// <summary>The slot a firing at <paramref name="now"/> belongs to, in the store's time zone: its minute rounded down to a slot.</summary>
    public static bool IsDue(IReadOnlyList<int> minutes, DateTimeOffset now, TimeZoneInfo zone) =>
        minutes.Contains(TimeZoneInfo.ConvertTime(now, zone).Minute / SlotMinutes * SlotMinutes);

    /// <summary>The first configured slot after <paramref name="now"/>.</summary>
    public static DateTimeOffset Next(IReadOnlyList<int> minutes, DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var slot = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, local.Minute / SlotMinutes * SlotMinutes, 0, local.Offset);
        for (var i = 1; i <= 60 / SlotMinutes; i++)
            if (minutes.Contains(slot.AddMinutes(i * SlotMinutes).Minute))
                return slot.AddMinutes(i * SlotMinutes).ToUniversalTime();
        return slot.AddHours(1).ToUniversalTime(); // unreachable with a valid schedule
    }
}
