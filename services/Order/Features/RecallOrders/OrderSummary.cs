using OmniChannel.Order.Features.CreateOrder;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Features.Rights;
using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.RecallOrders;

/// <summary>The customer as the order knew them when it was taken (a later change of the customer's record does not follow).</summary>
public sealed record CustomerContact(string? Name, string? Email, string? Phone)
{
    public static readonly CustomerContact Unknown = new(null, null, null);

    public static CustomerContact Of(Customer? customer) => customer is null ? Unknown : new(customer.Name, customer.Email, customer.Phone);
}

/// <summary>
/// ORD-6: one order, or one channel transaction whose order is not created yet (status Pending), as a terminal's list of
/// orders shows it and searches it; one document per confirmation number (<see cref="Id"/>). Written by
/// <see cref="PendingOrderSummaries"/> when the transaction is stored and by <see cref="OrderSummaryProjection"/> from the
/// order's stream, in the same commit as what it reflects. The stores whose terminals may work on the order
/// (<see cref="OrderRights.StoresWorkingOn"/>), the search's rights filter, are <see cref="StoreId"/> and
/// <see cref="OtherStores"/> (those serving a line: a pickup counter, a stockroom), kept apart so that each has an index
/// that is small for what it holds (<see cref="OrderSearchSql.Rights"/>). The keys are the searched forms of the
/// customer's contact (<see cref="SearchKeys"/>), kept as columns of their own (<see cref="OrderSummaryStorage"/>).
/// </summary>
public sealed record OrderSummary(
    string Id,
    Guid OrderId,
    string StoreId,
    string Channel,
    string Status,
    decimal Total,
    string Currency,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string CustomerId,
    CustomerContact Customer,
    int LineCount,
    string[] OtherStores)
{
    public string? CustomerNameKey => SearchKeys.Name(Customer.Name);

    public string? CustomerEmailKey => SearchKeys.Email(Customer.Email);

    public string? CustomerPhoneKey => SearchKeys.Phone(Customer.Phone);

    /// <summary>A transaction stored, its order not created yet: what GET /api/orders/{cn} shows as Pending.</summary>
    public static OrderSummary Pending(TerminalTransaction transaction, CustomerContact customer)
    {
        var order = transaction.Order;
        return new(transaction.ConfirmationNumber, transaction.OrderId, order.StoreId, order.Channel.ToString(), nameof(OrderStatus.Pending), 0m,
            order.Currency, transaction.ReceivedAt, transaction.ReceivedAt, order.CustomerId, customer, order.Lines.Count,
            OtherStoresOf(order.StoreId, order.Lines));
    }

    /// <summary>The order as its stream tells it now; <paramref name="takenAt"/> is when the terminal took it (the transaction's arrival).</summary>
    public static OrderSummary Of(CustomerOrder order, CustomerContact customer, DateTimeOffset takenAt, DateTimeOffset updatedAt) =>
        new(order.Id, order.OrderId, order.StoreId, order.Channel.ToString(), order.Status.ToString(), order.Total, order.Currency, takenAt,
            updatedAt, order.CustomerId, customer, order.Lines.Count, OtherStoresOf(order.StoreId, order.Lines));

    private static string[] OtherStoresOf(string storeId, IEnumerable<OrderLine> lines) =>
        OrderRights.StoresWorkingOn(storeId, lines).Where(store => store != storeId).ToArray();
}
