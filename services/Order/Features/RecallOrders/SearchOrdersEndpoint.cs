using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using OmniChannel.Order.Features.Rights;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Order.Features.RecallOrders;

/// <summary>One line of a terminal's list of orders: number, customer, store, status, total, dates.</summary>
public sealed record OrderListItem(string ConfirmationNumber, Guid OrderId, string StoreId, string Channel, string Status, string CustomerId,
    string? CustomerName, decimal Total, string Currency, int LineCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static OrderListItem Of(OrderSummary s) => new(s.Id, s.OrderId, s.StoreId, s.Channel, s.Status, s.CustomerId, s.Customer.Name, s.Total,
        s.Currency, s.LineCount, s.CreatedAt, s.UpdatedAt);
}

/// <summary>
/// The query string of GET /api/orders as its OpenAPI document lists it (so clients, and the hostile-input suite, know
/// every parameter). All text: each value is read by <see cref="OrderSearch.Parse"/>, from the query string itself, which
/// also sees a parameter given twice or one it does not know.
/// </summary>
public sealed record OrderSearchQuery(
    [FromQuery(Name = "confirmationNumber")] string? ConfirmationNumber,
    [FromQuery(Name = "orderId")] string? OrderId,
    [FromQuery(Name = "customerId")] string? CustomerId,
    [FromQuery(Name = "customerName")] string? CustomerName,
    [FromQuery(Name = "email")] string? Email,
    [FromQuery(Name = "phone")] string? Phone,
    [FromQuery(Name = "storeId")] string? StoreId,
    [FromQuery(Name = "channel")] string? Channel,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "from")] string? From,
    [FromQuery(Name = "to")] string? To,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "page")] string? Page,
    [FromQuery(Name = "pageSize")] string? PageSize);

/// <summary>
/// A page of the list. <see cref="TotalCount"/> counts every match up to <see cref="OrderSearchSql.CountLimit"/>;
/// <see cref="TotalCountCapped"/> says there are more than that.
/// </summary>
public sealed record OrderSearchPage(int Page, int PageSize, string Sort, int TotalCount, bool TotalCountCapped, IReadOnlyList<OrderListItem> Orders);

/// <summary>
/// ORD-6 recall: GET /api/orders?confirmationNumber=&amp;orderId=&amp;customerId=&amp;customerName=&amp;email=&amp;phone=&amp;storeId=&amp;
/// channel=&amp;status=&amp;from=&amp;to=&amp;sort=&amp;page=&amp;pageSize= over the orders and the channel transactions not created
/// yet (Pending), from their summaries (<see cref="OrderSummary"/>), never a scan of the streams. A GET, not a POST: a
/// search changes nothing, and a terminal's list is a link it can repeat. A terminal or its cashier finds only what its
/// store works on (<see cref="OrderRights.MayWorkOn"/>); operators and services find every order.
/// </summary>
public static class SearchOrdersEndpoint
{
    public static IEndpointRouteBuilder MapSearchOrders(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/orders", Handle)
            .RequireAuthorization(PlatformPolicies.OrderReads)
            .WithTags("Orders")
            .WithSummary("Recall orders (ORD-6): search by confirmation number, order id, customer, store, channel, status and dates; paged and sorted.");
        return app;
    }

    private static async Task<IResult> Handle(HttpRequest request, [AsParameters] OrderSearchQuery documented, IQuerySession session,
        ClaimsPrincipal caller, CancellationToken ct)
    {
        var (search, refusal) = OrderSearch.Parse(request.Query);
        if (refusal is not null)
            return refusal.ToProblem();
        var boundTo = OrderRights.ReadsBoundTo(caller);

        var table = session.DocumentStore.Options.Schema.For<OrderSummary>();
        var (pageSql, pageParameters) = OrderSearchSql.Page(table, search!, boundTo);
        var page = await session.QueryAsync<OrderSummary>(pageSql, ct, pageParameters);
        // A first page that is not full holds every match: no second query.
        var total = search!.Page == 1 && page.Count < search.PageSize ? page.Count : await CountAsync(session, table, search, boundTo, ct);
        return TypedResults.Ok(new OrderSearchPage(search.Page, search.PageSize, search.Sort.ToString(), Math.Min(total, OrderSearchSql.CountLimit),
            total > OrderSearchSql.CountLimit, page.Select(OrderListItem.Of).ToList()));
    }

    private static async Task<int> CountAsync(IQuerySession session, string table, OrderSearch search, string? boundTo, CancellationToken ct)
    {
        var (sql, parameters) = OrderSearchSql.Count(table, search, boundTo);
        return (await session.QueryAsync<int>(sql, ct, parameters)).Single();
    }
}
