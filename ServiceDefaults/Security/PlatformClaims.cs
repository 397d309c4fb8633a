using System.Security.Claims;

namespace OmniChannel.ServiceDefaults.Security;

/// <summary>
/// The claims of a platform token, named once: the token service issues them (services/Identity) and the services' rules
/// read them. A retailer's own identity provider issues the same names (a claim mapping in Entra ID or Keycloak).
/// </summary>
public static class PlatformClaims
{
    /// <summary>Who acts: the client id of a device or service, the operator id of a signed-in cashier.</summary>
    public const string Subject = "sub";
    /// <summary>One claim per role (<see cref="PlatformRoles"/>).</summary>
    public const string Role = "role";
    public const string StoreId = "store_id";
    public const string TerminalId = "terminal_id";
    /// <summary>The cashier's operator id (the cashier signed in on a terminal).</summary>
    public const string OperatorId = "operator_id";
    /// <summary>The cashier's permission group: an id of <c>permissionGroups</c> of the catalogue (<c>cashier</c>, <c>manager</c>).</summary>
    public const string PermissionGroup = "permission_group";
    public const string StorefrontId = "storefront_id";
    /// <summary>The OAuth client the token was issued to (a terminal under its cashier, a service).</summary>
    public const string ClientId = "client_id";
}

/// <summary>The platform's claims of the caller (<c>HttpContext.User</c>), for the rules that read them.</summary>
public static class PlatformPrincipal
{
    public static string? StoreId(this ClaimsPrincipal principal) => principal.FindFirstValue(PlatformClaims.StoreId);
    public static string? TerminalId(this ClaimsPrincipal principal) => principal.FindFirstValue(PlatformClaims.TerminalId);
    public static string? OperatorId(this ClaimsPrincipal principal) => principal.FindFirstValue(PlatformClaims.OperatorId);
    public static string? PermissionGroup(this ClaimsPrincipal principal) => principal.FindFirstValue(PlatformClaims.PermissionGroup);
    public static string? StorefrontId(this ClaimsPrincipal principal) => principal.FindFirstValue(PlatformClaims.StorefrontId);
}

/// <summary>The roles a platform token carries (<see cref="PlatformClaims.Role"/>).</summary>
public static class PlatformRoles
{
    /// <summary>A point-of-sale device of one store.</summary>
    public const string Terminal = "terminal";
    /// <summary>A cashier signed in on a terminal (the token also carries the terminal's role and claims).</summary>
    public const string Cashier = "cashier";
    public const string Storefront = "storefront";
    /// <summary>Runs operator actions (drills, jobs run now) from the dashboard.</summary>
    public const string Operator = "operator";
    /// <summary>Keeps master data: products, prices, discounts, stock counts.</summary>
    public const string Merchandiser = "merchandiser";
    /// <summary>One of the platform's own services calling another.</summary>
    public const string Service = "service";
}
