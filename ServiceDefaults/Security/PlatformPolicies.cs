using Microsoft.AspNetCore.Authorization;

namespace OmniChannel.ServiceDefaults.Security;

/// <summary>
/// Coarse rights per route group, defined once. Every endpoint names one; an endpoint that names none still needs an
/// authenticated caller (the fallback policy), so a new route is closed until it says otherwise. Finer rules (a
/// permission group's caps, a terminal acting only for its store) read the claims (<see cref="PlatformClaims"/>).
/// </summary>
public static class PlatformPolicies
{
    /// <summary>A store's work on its orders, payments and pickups: a terminal, or a cashier on one.</summary>
    public const string StoreWork = "store-work";
    /// <summary>Recalling an order: a terminal (its own store's work, decided with the order), operators, the services.</summary>
    public const string OrderReads = "order-reads";
    /// <summary>Creating an order: at a store, or online by a storefront.</summary>
    public const string OrderCreation = "order-creation";
    /// <summary>Pricing a cart: at a store, or online by a storefront.</summary>
    public const string Carts = "carts";
    /// <summary>Writes of master data: products, prices, discounts, loyalty programs, stock counts.</summary>
    public const string MasterData = "master-data";
    /// <summary>Reads of reference data (products, prices, stores, tender types): any authenticated caller.</summary>
    public const string ReferenceData = "reference-data";
    /// <summary>A customer's personal data (name, e-mail, phone, addresses): the store serving them and operators only.</summary>
    public const string CustomerData = "customer-data";
    /// <summary>The money's records (payment ledgers, deposits, reconciliation): operators, and the platform's services checking them.</summary>
    public const string Audit = "audit";
    /// <summary>
    /// The e-commerce sales screen (ECM-1 … ECM-6): store managers (a cashier in the manager group, for their store's orders,
    /// decided with the order) and operators. Storefronts only post webhooks.
    /// </summary>
    public const string EcommerceWork = "ecommerce-work";
    /// <summary>INV-2's push to storefronts (its delivery log, "push now"): merchandisers, who set the flags it carries, and operators.</summary>
    public const string StorefrontPush = "storefront-push";
    /// <summary>Operator actions (<c>/operations</c>), run from the dashboard.</summary>
    public const string Operator = "operator";
    /// <summary>Calls of one platform service to another (the Order service's gRPC calls to Pricing, its tenders at Payment).</summary>
    public const string Service = "service";

    public static void Configure(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(StoreWork, policy => policy.RequireRole(PlatformRoles.Terminal, PlatformRoles.Cashier));
        options.AddPolicy(OrderReads, policy => policy.RequireRole(PlatformRoles.Terminal, PlatformRoles.Cashier, PlatformRoles.Operator, PlatformRoles.Service));
        options.AddPolicy(OrderCreation, policy => policy.RequireRole(PlatformRoles.Terminal, PlatformRoles.Cashier, PlatformRoles.Storefront));
        options.AddPolicy(Carts, policy => policy.RequireRole(PlatformRoles.Terminal, PlatformRoles.Cashier, PlatformRoles.Storefront));
        options.AddPolicy(MasterData, policy => policy.RequireRole(PlatformRoles.Merchandiser));
        options.AddPolicy(ReferenceData, policy => policy.RequireAuthenticatedUser());
        options.AddPolicy(CustomerData, policy => policy.RequireRole(PlatformRoles.Terminal, PlatformRoles.Cashier, PlatformRoles.Operator));
        options.AddPolicy(Audit, policy => policy.RequireRole(PlatformRoles.Operator, PlatformRoles.Service));
        options.AddPolicy(EcommerceWork, policy => policy.RequireRole(PlatformRoles.Cashier, PlatformRoles.Operator));
        options.AddPolicy(StorefrontPush, policy => policy.RequireRole(PlatformRoles.Merchandiser, PlatformRoles.Operator));
        options.AddPolicy(Operator, policy => policy.RequireRole(PlatformRoles.Operator));
        options.AddPolicy(Service, policy => policy.RequireRole(PlatformRoles.Service));
    }
}
