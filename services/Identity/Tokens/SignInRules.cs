using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using OmniChannel.Identity.Principals;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Identity.Tokens;

/// <summary>What a token says, or why none is issued; OpenIddict has already checked the client's secret and grant.</summary>
public sealed record SignIn(IReadOnlyList<Claim> Claims, Refusal? Refusal = null)
{
    public static SignIn Refused(Refusal refusal) => new([], refusal);
}

/// <summary>The claims of each kind of principal (<see cref="PlatformClaims"/>), and the rules of a cashier's sign-in.</summary>
public static class SignInRules
{
    /// <summary>Client credentials: the client acts as itself (a terminal, a storefront, the back office, a service).</summary>
    public static SignIn Client(PrincipalDirectory directory, string clientId)
    {
        if (directory.Terminals.FirstOrDefault(t => t.ClientId == clientId) is { } terminal)
            return new SignIn([new(PlatformClaims.Subject, clientId), .. TerminalClaims(terminal)]);
        if (directory.Storefronts.FirstOrDefault(s => s.ClientId == clientId) is { } storefront)
            return new SignIn([
                new(PlatformClaims.Subject, clientId), new(PlatformClaims.Role, PlatformRoles.Storefront),
                new(PlatformClaims.StorefrontId, storefront.StorefrontId)]);
        if (directory.BackOffice.FirstOrDefault(b => b.ClientId == clientId) is { } client)
            return new SignIn([new(PlatformClaims.Subject, clientId), new(PlatformClaims.Role, client.Role)]);
        return SignIn.Refused(Refusal.NotFound("identity.client_unknown", $"No principal is known for client {clientId}."));
    }

    /// <summary>
    /// Password grant through a terminal's client: the cashier's operator id and password, at a terminal of one of the
    /// cashier's stores. The token carries the terminal's claims and the cashier's.
    /// </summary>
    public static SignIn Cashier(PrincipalDirectory directory, string clientId, string? operatorId, string? password)
    {
        if (directory.Terminals.FirstOrDefault(t => t.ClientId == clientId) is not { } terminal)
            return SignIn.Refused(Refusal.NotPermitted("identity.not_a_terminal", "Cashiers sign in on a terminal: this client is none."));
        var cashier = directory.Cashiers.FirstOrDefault(c => c.OperatorId == operatorId);
        // The same answer for an unknown operator and a wrong password: the answer tells nobody which operator ids exist.
        if (cashier is null || !SamePassword(cashier.Password, password))
            return SignIn.Refused(Refusal.Invalid("identity.sign_in_failed", "The operator id or the password is wrong."));
        if (!cashier.StoreIds.Contains(terminal.StoreId))
            return SignIn.Refused(Refusal.NotPermitted("identity.other_store",
                $"Operator {cashier.OperatorId} works at {string.Join(", ", cashier.StoreIds)}, not at {terminal.StoreId}, whose terminal this is."));
        return new SignIn([
            new(PlatformClaims.Subject, cashier.OperatorId), .. TerminalClaims(terminal),
            new(PlatformClaims.Role, PlatformRoles.Cashier), new(PlatformClaims.OperatorId, cashier.OperatorId),
            new(PlatformClaims.PermissionGroup, cashier.PermissionGroup)]);
    }

    private static IEnumerable<Claim> TerminalClaims(TerminalClient terminal) =>
    [
        new(PlatformClaims.Role, PlatformRoles.Terminal),
        new(PlatformClaims.StoreId, terminal.StoreId),
        new(PlatformClaims.TerminalId, terminal.TerminalId),
    ];

    private static bool SamePassword(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
}
