using Microsoft.Extensions.Primitives;
using OmniChannel.Order.Features.CreateOrder;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Features.RecallOrders;
using OmniChannel.Order.Orders;
using CustomerContact = OmniChannel.Order.Features.RecallOrders.CustomerContact;

namespace OmniChannel.UnitTests.Order;

/// <summary>ORD-6 recall: what a search asks, as the terminal writes it, normalised and bounded; and the SQL it becomes.</summary>
public class OrderSearchTests
{
    private static (OrderSearch? Search, string? Code) Parse(params (string Name, string Value)[] query)
    {
        var (search, refusal) = OrderSearch.Parse(query.Select(q => KeyValuePair.Create(q.Name, new StringValues(q.Value))));
        return (search, refusal?.Code);
    }

    private static OrderSearch Valid(params (string Name, string Value)[] query)
    {
        var (search, code) = Parse(query);
        Assert.Null(code);
        return search!;
    }

    [Fact]
    public void ORD6_no_filter_is_the_newest_first_page_of_25()
    {
        var search = Valid();
        Assert.Equal((1, 25, 0, "-created"), (search.Page, search.PageSize, search.Offset, search.Sort.ToString()));
        Assert.Empty(search.Statuses);
        Assert.Equal("true", OrderSearchSql.Where(search, readsBoundTo: null).Where);
    }

    [Fact]
    public void ORD6_email_phone_and_name_are_compared_normalised()
    {
        var search = Valid(("email", " Karen.Berg@EXAMPLE.com "), ("phone", "+1 (713) 555-0142"), ("customerName", "  KAREN   berg "),
            ("confirmationNumber", "hou-7kq2m-9xd4t"));
        Assert.Equal("karen.berg@example.com", search.Email);
        Assert.Equal("17135550142", search.Phone);
        Assert.Equal("karen berg", search.CustomerName);
        Assert.Equal("HOU-7KQ2M-9XD4T", search.ConfirmationNumber);
        // The summary keeps its customer's contact in the same form.
        Assert.Equal((search.Email, search.Phone, search.CustomerName),
            (SearchKeys.Email("Karen.Berg@Example.com"), SearchKeys.Phone("+1 713 555 0142"), SearchKeys.Name("Karen Berg")));
    }

    [Fact]
    public void ORD6_statuses_channel_and_sort_are_read_by_name_in_any_case()
    {
        var search = Valid(("status", "pending, CONFIRMED,pending"), ("channel", "callcenter"), ("sort", "-Total"));
        Assert.Equal(["Pending", "Confirmed"], search.Statuses);
        Assert.Equal("CallCenter", search.Channel);
        Assert.Equal(new OrderSort(OrderSortKey.Total, Descending: true), search.Sort);
    }

    [Fact]
    public void ORD6_a_to_date_is_the_whole_day_and_a_time_is_inclusive()
    {
        var days = Valid(("from", "2026-12-01"), ("to", "2026-12-07"));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), days.From);
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero), days.Until);

        var times = Valid(("from", "2026-12-07T10:00:00+01:00"), ("to", "2026-12-07T10:00:00Z"));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero), times.From);
        Assert.Equal(TimeSpan.Zero, times.From!.Value.Offset); // PostgreSQL takes timestamptz parameters in UTC only
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero).AddTicks(TimeSpan.TicksPerMicrosecond), times.Until);

        Assert.NotNull(Valid(("from", "2026-12-07"), ("to", "2026-12-07")).Until); // one day
    }

    [Theory]
    [InlineData("pageSize", "101", "order_search.page_size_invalid")]
    [InlineData("pageSize", "0", "order_search.page_size_invalid")]
    [InlineData("pageSize", "2147483648", "order_search.page_size_invalid")]
    [InlineData("pageSize", "1e3", "order_search.page_size_invalid")]
    [InlineData("page", "-1", "order_search.page_invalid")]
    [InlineData("page", "+2", "order_search.page_invalid")]
    [InlineData("page", "401", "order_search.page_too_deep")] // 401 × 25 > 10,000
    [InlineData("page", "2147483647", "order_search.page_too_deep")]
    [InlineData("from", "yesterday", "order_search.date_invalid")]
    [InlineData("from", "2026-13-01", "order_search.date_invalid")]
    [InlineData("from", "12/07/2026", "order_search.date_invalid")]
    [InlineData("to", "9999-12-31", "order_search.date_invalid")] // its day after does not exist
    [InlineData("to", "0001-01-01T00:00:00Z", "order_search.date_invalid")]
    [InlineData("to", "2026-12-07T10:00:00", "order_search.date_invalid")] // a time without its offset is ambiguous
    [InlineData("status", "Shipped", "order_search.status_unknown")]
    [InlineData("status", "4", "order_search.status_unknown")] // by name only
    [InlineData("channel", "phone", "order_search.channel_unknown")]
    [InlineData("sort", "created_at", "order_search.sort_unknown")]
    [InlineData("sort", "--total", "order_search.sort_unknown")]
    [InlineData("sort", "1", "order_search.sort_unknown")]
    [InlineData("orderId", "42", "order_search.order_id_invalid")]
    [InlineData("confirmationNumber", "HOU-1'; drop table", "order_search.confirmation_number_invalid")]
    [InlineData("customerName", "ka", "order_search.customer_name_too_short")]
    [InlineData("email", "karen", "order_search.email_invalid")]
    [InlineData("email", "@example.com", "order_search.email_invalid")]
    [InlineData("phone", "713-555-0142 ext. 7", "order_search.phone_invalid")]
    [InlineData("phone", "555", "order_search.phone_invalid")]
    [InlineData("customerId", "a\u0000b", "text.control_character")]
    [InlineData("customerName", "Karen\u001b[31m", "text.control_character")]
    [InlineData("emial", "karen.berg@example.com", "order_search.parameter_unknown")]
    public void ORD6_hostile_or_malformed_input_is_refused_with_a_stable_code(string name, string value, string code) =>
        Assert.Equal(code, Parse((name, value)).Code);

    [Fact]
    public void ORD6_the_dates_must_be_in_order_and_no_parameter_twice()
    {
        Assert.Equal("order_search.range_invalid", Parse(("from", "2026-12-08"), ("to", "2026-12-07")).Code);
        Assert.Equal("order_search.range_invalid", Parse(("from", "2026-12-07T10:00:01Z"), ("to", "2026-12-07T10:00:00Z")).Code);
        Assert.Equal("order_search.parameter_repeated", Parse(("page", "1"), ("Page", "2")).Code);
        Assert.Equal("order_search.parameter_repeated",
            OrderSearch.Parse([KeyValuePair.Create("status", new StringValues(["Pending", "Confirmed"]))]).Refusal?.Code);
        Assert.Equal("order_search.customer_name_too_long", Parse(("customerName", new string('a', 101))).Code);
        Assert.Equal("order_search.customer_id_invalid", Parse(("customerId", new string('1', 65))).Code);
    }

    [Fact]
    public void ORD6_paging_is_bounded_and_turned_into_limit_and_offset()
    {
        var last = Valid(("page", "100"), ("pageSize", "100"));
        Assert.Equal(9_900, last.Offset);
        var (sql, parameters) = OrderSearchSql.Page("orders.mt_doc_ordersummary", last, readsBoundTo: null);
        // The page's numbers first, ordered and limited on the index, then only their documents.
        Assert.Equal("where d.id = any(array(select m.id from orders.mt_doc_ordersummary as m where true order by m.created_at desc, m.id desc " +
                     "limit ? offset ?)) order by d.created_at desc, d.id desc", sql);
        Assert.Equal([100, 9_900], parameters[^2..]);

        var (count, countParameters) = OrderSearchSql.Count("orders.mt_doc_ordersummary", last, readsBoundTo: null);
        Assert.StartsWith("select count(*)", count);
        Assert.Equal(OrderSearchSql.CountLimit + 1, countParameters[^1]);
    }

    [Fact]
    public void ORD6_every_value_is_a_parameter_and_a_name_is_matched_as_a_prefix_of_text_not_as_a_pattern()
    {
        var search = Valid(("customerName", "100%_o\\ff"), ("email", "a'b@example.com"), ("status", "Pending,Confirmed"));
        var (where, parameters) = OrderSearchSql.Where(search, readsBoundTo: null);
        Assert.DoesNotContain("'b@", where);
        Assert.Equal(3, where.Count(c => c == '?'));
        Assert.Equal(3, parameters.Length);
        Assert.Contains(@"100\%\_o\\ff%", parameters);
        Assert.Equal(["Pending", "Confirmed"], parameters.OfType<string[]>().Single());
    }

    [Theory]
    [InlineData("created", "d.created_at asc, d.id asc")]
    [InlineData("-created", "d.created_at desc, d.id desc")]
    [InlineData("total", "d.total asc, d.created_at desc, d.id desc")]
    [InlineData("-status", "d.status desc, d.created_at desc, d.id desc")]
    public void ORD6_every_sort_ends_with_a_unique_key_so_pages_neither_repeat_nor_skip(string sort, string orderBy) =>
        Assert.Equal(orderBy, OrderSearchSql.OrderBy(Valid(("sort", sort)).Sort));

    [Fact]
    public void ORD6_a_terminal_searches_only_what_its_store_works_on()
    {
        // An operator or a service: everything.
        Assert.Equal(OrderSearchSql.RightsCheck.None, OrderSearchSql.Rights(Valid(), readsBoundTo: null));
        // Its own store named: implied.
        Assert.Equal(OrderSearchSql.RightsCheck.None, OrderSearchSql.Rights(Valid(("storeId", "HOUSTON")), "HOUSTON"));
        // Narrowed by the customer: checked on the rows found.
        var byEmail = Valid(("email", "karen.berg@example.com"));
        Assert.Equal(OrderSearchSql.RightsCheck.OnMatchedRows, OrderSearchSql.Rights(byEmail, "HOUSTON"));
        Assert.Contains("(d.store_id = ? or ? = any(d.other_stores))", OrderSearchSql.Where(byEmail, "HOUSTON").Where);
        // Only a status: by the indexes.
        var (where, parameters) = OrderSearchSql.Where(Valid(("status", "Confirmed")), "HOUSTON");
        Assert.Equal("d.status = ? and (d.store_id = ? or d.other_stores @> ?::text[])", where);
        Assert.Equal(("Confirmed", "HOUSTON"), (parameters[0], parameters[1]));
        Assert.Equal(["HOUSTON"], (string[])parameters[2]);
        // A terminal whose token names no store reads nothing.
        Assert.Contains("", OrderSearchSql.Where(Valid(), "").Parameters);
    }

    [Fact]
    public void ORD6_a_summary_keeps_the_stores_working_on_the_order_and_its_customer_as_taken()
    {
        var lines = new List<OrderLine>
        {
            new(1, "82001", 1, new Fulfillment(FulfillmentKind.Pickup, "SEATTLE")),
            new(2, "83010", 2, new Fulfillment(FulfillmentKind.Ship, "CENTRAL-DC")),
            new(3, "86002", 1, new Fulfillment(FulfillmentKind.CarryOut, "HOUSTON")),
        };
        var order = new ValidOrder("HOUSTON", "T1", "2001", CustomerType.Consumer, lines, new DepositTender("CARD", "VISA", "tok"), 20m, "USD");
        var received = new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);
        var transaction = new TerminalTransaction("key", "HOU-7KQ2M-9XD4T", Guid.NewGuid(), "hash", order, TransactionStatus.Received, received);
        var customer = CustomerContact.Of(new Customer("2001", "Karen Berg", CustomerType.Consumer, "Karen.Berg@example.com", "+1 713 555 0142", []));

        var pending = OrderSummary.Pending(transaction, customer);
        Assert.Equal(("Pending", 0m, 3, received), (pending.Status, pending.Total, pending.LineCount, pending.CreatedAt));
        Assert.Equal(["SEATTLE", "CENTRAL-DC"], pending.OtherStores);
        Assert.Equal(("karen berg", "karen.berg@example.com", "17135550142"),
            (pending.CustomerNameKey, pending.CustomerEmailKey, pending.CustomerPhoneKey));

        var created = CustomerOrder.Create(new OrderCreated(transaction.ConfirmationNumber, transaction.OrderId, "HOUSTON", "T1", "2001",
            CustomerType.Consumer, lines, order.Deposit, 20m, CreationPath.Batch, received, received.AddMinutes(5), "USD"));
        var priced = created.Apply(new OrderPriced([], 252.99m, 50.60m, "USD")).Apply(new OrderConfirmed(received.AddMinutes(6)));
        var summary = OrderSummary.Of(priced, pending.Customer, pending.CreatedAt, received.AddMinutes(6));
        Assert.Equal(("Confirmed", 252.99m, received, pending.Customer), (summary.Status, summary.Total, summary.CreatedAt, summary.Customer));
        Assert.Equal(pending.OtherStores, summary.OtherStores);
    }
}
