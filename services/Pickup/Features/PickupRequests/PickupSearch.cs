using System.Globalization;
using Microsoft.Extensions.Primitives;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pickup.Features.PickupRequests;

/// <summary>
/// PUP-7 "pickup request history": what the counter looks up, read from the query string of
/// <c>GET /api/pickups/stores/{storeId}/requests</c>. Every filter is optional and they combine with AND: the statuses
/// (<c>status=Cancelled,Expired</c>, any of them), the days the requests reached the store (<c>from</c>, <c>to</c>: whole days
/// of the store's own calendar, both inclusive), the customer and the receipt (its number, the order's confirmation
/// number). At most <see cref="Limit"/> requests, oldest first (the counter's worklist order) or, with <c>sort=-requested</c>,
/// newest first (a history screen's: the latest requests are never cut off by the limit). Pure: the endpoint reads the
/// query string and the store's time zone, this decides.
/// </summary>
public sealed record PickupSearch(
    IReadOnlyList<PickupStatus> Statuses,
    DateOnly? From,
    DateOnly? To,
    string? CustomerId,
    string? Receipt,
    int Limit,
    bool NewestFirst = false)
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;

    public static readonly IReadOnlyList<string> Parameters = ["status", "from", "to", "customerId", "receipt", "sort", "limit"];

    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2999, 12, 31);

    /// <summary>The first instant of <see cref="From"/> in the store's zone, or null.</summary>
    public DateTimeOffset? FromInstant(TimeZoneInfo zone) => From is { } day ? StartOf(day, zone) : null;

    /// <summary>The first instant after <see cref="To"/> in the store's zone (exclusive), or null.</summary>
    public DateTimeOffset? UntilInstant(TimeZoneInfo zone) => To is { } day ? StartOf(day.AddDays(1), zone) : null;

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        // A zone that skips midnight on this day (a DST change at 00:00) starts it an hour later.
        while (zone.IsInvalidTime(local))
            local = local.AddHours(1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static (PickupSearch? Search, Refusal? Refusal) Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var (values, refusal) = QueryParameters.Read(query, Parameters, "pickup_search");
        if (refusal is not null)
            return (null, refusal);
        string? Value(string name) => values!.GetValueOrDefault(name);

        List<PickupStatus> statuses = [];
        foreach (var text in (Value("status") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var known = Enum.GetValues<PickupStatus>().Where(s => s.ToString().Equals(text.Replace("_", ""), StringComparison.OrdinalIgnoreCase)).ToList();
            if (known.Count == 0 || !text.All(c => char.IsAsciiLetter(c) || c == '_'))
                return Refuse("pickup_search.status_unknown",
                    $"'{QueryParameters.Shorten(text)}' is no pickup status; they are: {string.Join(", ", Enum.GetNames<PickupStatus>())}.");
            if (!statuses.Contains(known[0]))
                statuses.Add(known[0]);
        }

        var (from, fromRefusal) = Day(Value("from"), "from");
        if (fromRefusal is not null)
            return (null, fromRefusal);
        var (to, toRefusal) = Day(Value("to"), "to");
        if (toRefusal is not null)
            return (null, toRefusal);
        if (from > to)
            return Refuse("pickup_search.range_invalid", "from is after to.");

        var customer = Value("customerId");
        if (customer is { Length: > 64 })
            return Refuse("pickup_search.customer_id_invalid", "customerId is at most 64 characters.");
        var receipt = Value("receipt")?.ToUpperInvariant();
        if (receipt is not null && (receipt.Length > 32 || !receipt.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
            return Refuse("pickup_search.receipt_invalid", "receipt is the receipt's number: letters, digits and dashes, e.g. HOU-7KQ2M-9XD4T.");

        var sort = Value("sort") ?? "requested";
        if (sort is not ("requested" or "-requested"))
            return Refuse("pickup_search.sort_unknown", "sort is requested (oldest first, the default) or -requested (newest first).");

        var limit = DefaultLimit;
        if (Value("limit") is { } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
            return Refuse("pickup_search.limit_invalid", $"limit is a whole number from 1 to {MaxLimit} (default {DefaultLimit}).");

        return (new PickupSearch(statuses, from, to, customer, receipt, limit, NewestFirst: sort == "-requested"), null);
    }

    private static (DateOnly? Day, Refusal? Refusal) Day(string? text, string name)
    {
        if (text is null)
            return (null, null);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day >= Earliest && day <= Latest
            ? (day, null)
            : (null, Refusal.Invalid("pickup_search.date_invalid", $"{name} is a day of the store's calendar, e.g. 2026-12-07, from {Earliest:yyyy} to {Latest:yyyy}."));
    }

    private static (PickupSearch?, Refusal?) Refuse(string code, string detail) => (null, Refusal.Invalid(code, detail));

}
