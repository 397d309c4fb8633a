using Marten;
using OmniChannel.Order.Ecommerce;
using OmniChannel.Order.Features.MasterData;

namespace OmniChannel.Order.Features.EcommerceOrders;

/// <summary>ECM-2: the platform customer a storefront's customer turned out to be, so their next order matches by it.</summary>
public sealed record StorefrontCustomerLink(string Id, string CustomerId)
{
    public static string IdOf(string storefrontId, string storefrontCustomerId) => $"{storefrontId}/{storefrontCustomerId}";
}

/// <summary>
/// ECM-2's lookups and what a match changes: the customer with the order's e-mail, or of an earlier order of the same
/// storefront customer; once matched, a different shipping address replaces the customer's shipping address, a
/// marketing consent is recorded, and nothing else of the customer is overwritten.
/// </summary>
public static class EcommerceCustomers
{
    public static async Task<(string? WithEmail, string? OfEarlierOrder)> FindAsync(IQuerySession session, string storefrontId,
        StorefrontCustomer customer, CancellationToken ct)
    {
        var withEmail = await session.Query<Customer>().Where(c => c.Email == customer.Email).Select(c => c.Id).FirstOrDefaultAsync(ct);
        var earlier = customer.Id is { } id ? await session.LoadAsync<StorefrontCustomerLink>(StorefrontCustomerLink.IdOf(storefrontId, id), ct) : null;
        return (withEmail, earlier?.CustomerId);
    }

    /// <summary>After a match: remember the storefront customer, and update what ECM-2 lets an e-commerce order update.</summary>
    public static async Task RememberAsync(IDocumentSession session, EcommerceOrder order, CancellationToken ct)
    {
        if (order.CustomerId is not { } customerId || order.Order is not { } placed)
            return;
        if (placed.Customer.Id is { } storefrontCustomerId)
            session.Store(new StorefrontCustomerLink(StorefrontCustomerLink.IdOf(order.StorefrontId, storefrontCustomerId), customerId));
        if (await session.LoadAsync<Customer>(customerId, ct) is not { } customer)
            return;
        var shipping = placed.Customer.ShippingAddress is { } a ? new Address(a.Line1, a.City, a.Region, a.PostalCode, a.Country) : null;
        var updated = customer with
        {
            ShippingAddress = shipping ?? customer.ShippingAddress,
            MarketingConsent = customer.MarketingConsent || placed.Customer.AcceptsMarketing,
        };
        if (updated != customer)
            session.Store(updated);
    }

    /// <summary>ECM-2 "create": a customer made from the order's data, when no existing one is the right one.</summary>
    public static Customer CreateFrom(StorefrontCustomer customer, string id)
    {
        var shipping = customer.ShippingAddress is { } a ? new Address(a.Line1, a.City, a.Region, a.PostalCode, a.Country) : null;
        return new Customer(id, customer.Name, CustomerType.Consumer, customer.Email, customer.Phone, shipping is null ? [] : [shipping], shipping,
            customer.AcceptsMarketing);
    }
}
