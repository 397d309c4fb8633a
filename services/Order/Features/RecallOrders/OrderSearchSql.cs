using System.Text;

namespace OmniChannel.Order.Features.RecallOrders;

/// <summary>
/// ORD-6: the search as SQL over the summaries' columns (<see cref="OrderSummaryStorage"/>), each predicate one an index
/// answers; values are always parameters (<c>?</c>, Marten's placeholder). Pure, so what reaches PostgreSQL is tested
/// without it.
/// </summary>
public static class OrderSearchSql
{
    /// <summary>Past this many matches the count stops: a list says "10,000 or more" rather than count a million rows.</summary>
    public const int CountLimit = 10_000;

    /// <summary>
    /// The WHERE clause (without the keyword; "true" when nothing narrows) over the summaries as <paramref name="d"/>, and
    /// its parameters, in order.
    /// </summary>
    public static (string Where, object[] Parameters) Where(OrderSearch search, string? readsBoundTo, string d = "d")
    {
        var where = new List<string>();
        var parameters = new List<object>();
        void Add(string predicate, object value)
        {
            where.Add(predicate.Replace("d.", $"{d}.", StringComparison.Ordinal));
            parameters.Add(value);
        }

        if (search.ConfirmationNumber is { } number)
            Add("d.id = ?", number);
        if (search.OrderId is { } orderId)
            Add("d.order_id = ?", orderId);
        if (search.CustomerId is { } customerId)
            Add("d.customer_id = ?", customerId);
        if (search.Email is { } email)
            Add("d.customer_email_key = ?", email);
        if (search.Phone is { } phone)
            Add("d.customer_phone_key = ?", phone);
        if (search.CustomerName is { } name)
            Add(@"d.customer_name_key like ? escape '\'", $"{EscapeLike(name)}%"); // a prefix: a range of the name's btree index
        if (search.StoreId is { } storeId)
            Add("d.store_id = ?", storeId);
        if (search.Channel is { } channel)
            Add("d.channel = ?", channel);
        if (search.Statuses.Count == 1)
            Add("d.status = ?", search.Statuses[0]);
        else if (search.Statuses.Count > 1)
            Add("d.status = any(?)", search.Statuses.ToArray());
        if (search.From is { } from)
            Add("d.created_at >= ?", from);
        if (search.Until is { } until)
            Add("d.created_at < ?", until);
        switch (Rights(search, readsBoundTo))
        {
            case RightsCheck.OnMatchedRows:
                where.Add($"({d}.store_id = ? or ? = any({d}.other_stores))");
                parameters.Add(readsBoundTo!);
                parameters.Add(readsBoundTo!);
                break;
            case RightsCheck.ByIndex:
                where.Add($"({d}.store_id = ? or {d}.other_stores @> ?::text[])");
                parameters.Add(readsBoundTo!);
                parameters.Add(new[] { readsBoundTo! });
                break;
        }
        return (where.Count == 0 ? "true" : string.Join(" and ", where), parameters.ToArray());
    }

    public enum RightsCheck { None, OnMatchedRows, ByIndex }

    /// <summary>
    /// How a terminal's rights narrow its search: the orders its store works on (<c>OrderRights.MayWorkOn</c>), those of its
    /// store or with a line served by it (<c>other_stores</c>). Written so that PostgreSQL reads no more than it must:
    /// <list type="bullet">
    /// <item>None: an operator or a service; or the search names the caller's own store, which implies it;</item>
    /// <item>OnMatchedRows: a customer, number, id or another store narrows the search to few rows: each is checked
    /// (<c>= any</c>, which no index serves, so the planner does not read a store's every order beside the narrow index);</item>
    /// <item>ByIndex: only channel, status or dates narrow it: the store's btree indexes and the other stores' GIN index
    /// (<c>@&gt;</c>) find the store's orders, the others few.</item>
    /// </list>
    /// </summary>
    public static RightsCheck Rights(OrderSearch search, string? readsBoundTo)
    {
        if (readsBoundTo is null || search.StoreId == readsBoundTo)
            return RightsCheck.None;
        var narrow = search.ConfirmationNumber is not null || search.OrderId is not null || search.CustomerId is not null || search.Email is not null
                     || search.Phone is not null || search.CustomerName is not null || search.StoreId is not null;
        return narrow ? RightsCheck.OnMatchedRows : RightsCheck.ByIndex;
    }

    /// <summary>Newest first within equal keys, then the confirmation number: a page never repeats or skips an order of another.</summary>
    public static string OrderBy(OrderSort sort, string d = "d")
    {
        var direction = sort.Descending ? "desc" : "asc";
        return sort.Key switch
        {
            OrderSortKey.Total => $"{d}.total {direction}, {d}.created_at desc, {d}.id desc",
            OrderSortKey.Status => $"{d}.status {direction}, {d}.created_at desc, {d}.id desc",
            _ => $"{d}.created_at {direction}, {d}.id {direction}",
        };
    }

    /// <summary>
    /// A page of summaries: a WHERE clause for Marten's <c>QueryAsync&lt;OrderSummary&gt;</c>, which selects the documents
    /// as <c>d</c>. The page's confirmation numbers are found first and only their documents read (a deferred join): an
    /// index that holds what the search compares and sorts by (the name's: name, created, id) then finds and orders every
    /// match without reading a row, and only the page's rows are read.
    /// </summary>
    public static (string Sql, object[] Parameters) Page(string table, OrderSearch search, string? readsBoundTo)
    {
        var (where, parameters) = Where(search, readsBoundTo, "m");
        return ($"where d.id = any(array(select m.id from {table} as m where {where} order by {OrderBy(search.Sort, "m")} limit ? offset ?)) " +
                $"order by {OrderBy(search.Sort)}", [.. parameters, search.PageSize, search.Offset]);
    }

    /// <summary>How many match, counted up to <see cref="CountLimit"/> + 1 (one more tells that there are more).</summary>
    public static (string Sql, object[] Parameters) Count(string table, OrderSearch search, string? readsBoundTo)
    {
        var (where, parameters) = Where(search, readsBoundTo);
        return ($"select count(*)::int from (select 1 from {table} as d where {where} limit ?) as matched", [.. parameters, CountLimit + 1]);
    }

    private static string EscapeLike(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '%' or '_')
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
