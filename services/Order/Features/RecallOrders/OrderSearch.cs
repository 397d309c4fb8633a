using System.Globalization;
using Microsoft.Extensions.Primitives;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Order.Features.RecallOrders;

public enum OrderSortKey { Created, Total, Status }

/// <summary>How the list is ordered: <c>created</c>, <c>total</c> or <c>status</c>, a leading <c>-</c> for descending.</summary>
public sealed record OrderSort(OrderSortKey Key, bool Descending)
{
    public static readonly OrderSort Default = new(OrderSortKey.Created, Descending: true);

    public override string ToString() => (Descending ? "-" : "") + Key.ToString().ToLowerInvariant();
}

/// <summary>
/// ORD-6: what a terminal searches for, read from the query string and normalised (<see cref="SearchKeys"/>). Every filter is
/// optional and they combine with AND. <see cref="From"/> is inclusive, <see cref="Until"/> exclusive (a <c>to</c> date is
/// the whole day, in UTC). Pure: the endpoint reads the query string, this decides.
/// </summary>
public sealed record OrderSearch(
    string? ConfirmationNumber,
    Guid? OrderId,
    string? CustomerId,
    string? CustomerName,
    string? Email,
    string? Phone,
    string? StoreId,
    string? Channel,
    IReadOnlyList<string> Statuses,
    DateTimeOffset? From,
    DateTimeOffset? Until,
    OrderSort Sort,
    int Page,
    int PageSize)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    /// <summary>How deep a list pages (page × page size): deeper is not a terminal's list but an export, and an OFFSET that far is a scan.</summary>
    public const int MaxDepth = 10_000;

    public const int MinNameLength = 3;

    public static readonly IReadOnlyList<string> Parameters =
    [
        "confirmationNumber", "orderId", "customerId", "customerName", "email", "phone", "storeId", "channel", "status", "from", "to", "sort",
        "page", "pageSize",
    ];

    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2999, 12, 31);

    private static readonly string[] DateTimeFormats =
        ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public int Offset => (Page - 1) * PageSize;

    public static (OrderSearch? Search, Refusal? Refusal) Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var (values, refusal) = QueryParameters.Read(query, Parameters, "order_search");
        if (refusal is not null)
            return (null, refusal);
        string? Value(string name) => values!.GetValueOrDefault(name);

        var confirmationNumber = Value("confirmationNumber")?.ToUpperInvariant();
        if (confirmationNumber is not null && (confirmationNumber.Length > 32 || !confirmationNumber.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
            return Refuse("order_search.confirmation_number_invalid", "confirmationNumber is letters, digits and dashes, e.g. HOU-7KQ2M-9XD4T.");
        Guid? orderId = null;
        if (Value("orderId") is { } orderIdText)
        {
            if (!Guid.TryParse(orderIdText, out var parsed))
                return Refuse("order_search.order_id_invalid", "orderId is a UUID.");
            orderId = parsed;
        }
        if (Identifier(Value("customerId"), "customerId") is { } badCustomer)
            return (null, badCustomer);
        if (Identifier(Value("storeId"), "storeId") is { } badStore)
            return (null, badStore);

        var name = SearchKeys.Name(Value("customerName"));
        if (name is { Length: < MinNameLength })
            return Refuse("order_search.customer_name_too_short", $"customerName needs at least {MinNameLength} characters.");
        if (name is { Length: > 100 })
            return Refuse("order_search.customer_name_too_long", "customerName is at most 100 characters.");
        var email = SearchKeys.Email(Value("email"));
        if (email is not null && (email.Length > 254 || email.IndexOf('@') is <= 0 || email.EndsWith('@')))
            return Refuse("order_search.email_invalid", "email is an e-mail address, e.g. karen.berg@example.com.");
        var phoneText = Value("phone");
        var phone = SearchKeys.Phone(phoneText);
        if (phoneText is not null && (phoneText.Length > 32 || !phoneText.All(c => char.IsAsciiDigit(c) || " -+().".Contains(c))
                                      || phone is not { Length: >= 4 and <= 20 }))
            return Refuse("order_search.phone_invalid", "phone is 4 to 20 digits, with spaces, dashes, dots, brackets or a leading + if you like.");

        string? channel = null;
        if (Value("channel") is { } channelText)
        {
            channel = Enum.GetNames<OrderChannel>().FirstOrDefault(c => c.Equals(channelText, StringComparison.OrdinalIgnoreCase));
            if (channel is null)
                return Refuse("order_search.channel_unknown", "channel is store, online or callCenter.");
        }
        List<string> statuses = [];
        foreach (var statusText in (Value("status") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var status = Enum.GetNames<OrderStatus>().FirstOrDefault(s => s.Equals(statusText, StringComparison.OrdinalIgnoreCase));
            if (status is null)
                return Refuse("order_search.status_unknown",
                    $"'{QueryParameters.Shorten(statusText)}' is no order status; they are: {string.Join(", ", Enum.GetNames<OrderStatus>())}.");
            if (!statuses.Contains(status))
                statuses.Add(status);
        }

        var (from, fromRefusal) = Instant(Value("from"), "from", endOfDay: false);
        if (fromRefusal is not null)
            return (null, fromRefusal);
        var (until, toRefusal) = Instant(Value("to"), "to", endOfDay: true);
        if (toRefusal is not null)
            return (null, toRefusal);
        if (from is not null && until is not null && from >= until)
            return Refuse("order_search.range_invalid", "from is after to.");

        var sort = OrderSort.Default;
        if (Value("sort") is { } sortText)
        {
            var descending = sortText.StartsWith('-');
            var keyText = descending ? sortText[1..] : sortText;
            if (!keyText.All(char.IsAsciiLetter) || !Enum.TryParse<OrderSortKey>(keyText, ignoreCase: true, out var key))
                return Refuse("order_search.sort_unknown", "sort is created, total or status, with a leading - for descending (default -created).");
            sort = new OrderSort(key, descending);
        }
        var (page, pageRefusal) = Number(Value("page"), 1, "order_search.page_invalid", "page is a whole number from 1.");
        if (pageRefusal is not null)
            return (null, pageRefusal);
        var (pageSize, sizeRefusal) = Number(Value("pageSize"), DefaultPageSize, "order_search.page_size_invalid",
            $"pageSize is a whole number from 1 to {MaxPageSize}.");
        if (sizeRefusal is not null)
            return (null, sizeRefusal);
        if (pageSize > MaxPageSize)
            return Refuse("order_search.page_size_invalid", $"pageSize is a whole number from 1 to {MaxPageSize}.");
        if ((long)page * pageSize > MaxDepth)
            return Refuse("order_search.page_too_deep",
                $"A search lists its first {MaxDepth} orders (page × pageSize); narrow it with a filter or a date range.");

        return (new OrderSearch(confirmationNumber, orderId, Value("customerId"), name, email, phone, Value("storeId"), channel, statuses, from,
            until, sort, page, pageSize), null);
    }

    private static Refusal? Identifier(string? value, string name) => value is { Length: > 64 }
        ? Refusal.Invalid($"order_search.{(name == "storeId" ? "store_id" : "customer_id")}_invalid", $"{name} is at most 64 characters.")
        : null;

    /// <summary>A date (yyyy-MM-dd, a whole day in UTC) or a date and time with its offset (2026-12-07T10:00:00Z).</summary>
    private static (DateTimeOffset? Instant, Refusal? Refusal) Instant(string? text, string name, bool endOfDay)
    {
        if (text is null)
            return (null, null);
        var invalid = Refusal.Invalid("order_search.date_invalid",
            $"{name} is a date (2026-12-07) or a date and time with its offset (2026-12-07T10:00:00Z, + written %2B), from {Earliest:yyyy} to {Latest:yyyy}.");
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (date < Earliest || date > Latest)
                return (null, invalid);
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return (endOfDay ? start.AddDays(1) : start, null);
        }
        // An instant names its offset (Z or ±hh:mm): without one, whose midnight is it?
        var hasOffset = text.EndsWith('Z') || text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':';
        if (!hasOffset || !DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            || DateOnly.FromDateTime(instant.UtcDateTime) is var day && (day < Earliest || day > Latest))
            return (null, invalid);
        // timestamptz keeps microseconds: "up to and including this instant" is "before the next microsecond".
        instant = instant.ToUniversalTime(); // PostgreSQL's timestamptz parameters are UTC
        return (endOfDay ? instant.AddTicks(TimeSpan.TicksPerMicrosecond) : instant, null);
    }

    private static (int Value, Refusal? Refusal) Number(string? text, int fallback, string code, string detail)
    {
        if (text is null)
            return (fallback, null);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? (value, null)
            : (0, Refusal.Invalid(code, detail));
    }

    private static (OrderSearch?, Refusal?) Refuse(string code, string detail) => (null, Refusal.Invalid(code, detail));

}
