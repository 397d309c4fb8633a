using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using OmniChannel.Pickup.Features.PickupRequests;

namespace OmniChannel.UnitTests.Pickup;

/// <summary>PUP-7: the counter's history filters, read from the query string, and the store-calendar days they mean.</summary>
public class PickupSearchTests
{
    private static readonly TimeZoneInfo Seattle = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    private static (PickupSearch? Search, string? Code) Parse(string queryString)
    {
        var (search, refusal) = PickupSearch.Parse(QueryHelpersParse(queryString));
        return (search, refusal?.Code);
    }

    private static IEnumerable<KeyValuePair<string, StringValues>> QueryHelpersParse(string queryString) =>
        new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString));

    [Fact]
    public void PUP7_no_filter_lists_every_request_up_to_the_default_limit()
    {
        var (search, code) = Parse("");
        Assert.Null(code);
        Assert.Empty(search!.Statuses);
        Assert.Equal((null, null, null, null, PickupSearch.DefaultLimit), (search.From, search.To, search.CustomerId, search.Receipt, search.Limit));
    }

    [Fact]
    public void PUP7_statuses_are_a_comma_separated_list_of_names_in_any_case_with_or_without_underscores()
    {
        var (search, code) = Parse("?status=cancelled,Completed,RECEIVED,expired,not_possible,Expired");
        Assert.Null(code);
        Assert.Equal([PickupStatus.Cancelled, PickupStatus.Completed, PickupStatus.Received, PickupStatus.Expired, PickupStatus.NotPossible],
            search!.Statuses);
    }

    [Theory]
    [InlineData("?status=lost", "pickup_search.status_unknown")]
    [InlineData("?status=1", "pickup_search.status_unknown")]
    [InlineData("?from=2026-13-01", "pickup_search.date_invalid")]
    [InlineData("?from=07.12.2026", "pickup_search.date_invalid")]
    [InlineData("?to=1999-12-31", "pickup_search.date_invalid")]
    [InlineData("?from=2026-12-08&to=2026-12-07", "pickup_search.range_invalid")]
    [InlineData("?receipt=HOU'--", "pickup_search.receipt_invalid")]
    [InlineData("?limit=0", "pickup_search.limit_invalid")]
    [InlineData("?limit=1001", "pickup_search.limit_invalid")]
    [InlineData("?limit=99999999999999999999", "pickup_search.limit_invalid")]
    [InlineData("?sort=created", "pickup_search.sort_unknown")]
    [InlineData("?order=-requested", "pickup_search.parameter_unknown")]
    [InlineData("?status=Expired&status=Cancelled", "pickup_search.parameter_repeated")]
    [InlineData("?customerId=a%00b", "text.control_character")]
    public void PUP7_a_filter_that_means_nothing_is_refused_with_its_code(string queryString, string expected) =>
        Assert.Equal(expected, Parse(queryString).Code);

    [Fact]
    public void PUP7_a_customer_id_longer_than_any_is_refused() =>
        Assert.Equal("pickup_search.customer_id_invalid", Parse("?customerId=" + new string('7', 65)).Code);

    [Fact]
    public void PUP7_the_receipt_is_read_in_capitals_and_the_days_are_whole_days_of_the_stores_calendar()
    {
        var (search, code) = Parse("?receipt=sea-7kq2m-9xd4t&customerId=2001&from=2026-12-01&to=2026-12-07&limit=50");
        Assert.Null(code);
        Assert.Equal(("SEA-7KQ2M-9XD4T", "2001", 50, false), (search!.Receipt, search.CustomerId, search.Limit, search.NewestFirst));
        Assert.True(Parse("?sort=-requested").Search!.NewestFirst);
        // Seattle is UTC-8 in December: its 1 December starts at 08:00 UTC, and "to 7 December" ends before 8 December 08:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), search.FromInstant(Seattle));
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero), search.UntilInstant(Seattle));
    }

    [Fact]
    public void PUP7_a_single_day_is_from_and_to_the_same_day_in_summer_time_too()
    {
        var (search, _) = Parse("?from=2026-07-04&to=2026-07-04");
        Assert.Equal(new DateTimeOffset(2026, 7, 4, 7, 0, 0, TimeSpan.Zero), search!.FromInstant(Seattle));
        Assert.Equal(new DateTimeOffset(2026, 7, 5, 7, 0, 0, TimeSpan.Zero), search.UntilInstant(Seattle));
    }
}
