using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using OmniChannel.Identity.Principals;
using OmniChannel.ServiceDefaults.Security;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OmniChannel.Identity.Tokens;

/// <summary>
/// <c>POST /connect/token</c> after OpenIddict has validated the request (the client's secret, a grant and scopes the
/// client is permitted): decides the claims (<see cref="SignInRules"/>) and lets OpenIddict sign the access token.
/// </summary>
internal static class TokenEndpoint
{
    public static void MapTokenEndpoint(this WebApplication app) =>
        app.MapPost(TokenServer.TokenPath, Handle).ExcludeFromDescription();

    private static async Task<IResult> Handle(HttpContext http, PrincipalDirectory directory, IOpenIddictScopeManager scopes)
    {
        var request = http.GetOpenIddictServerRequest()
                      ?? throw new InvalidOperationException("The token endpoint was reached without OpenIddict's request.");
        var signIn = request.IsPasswordGrantType()
            ? SignInRules.Cashier(directory, request.ClientId!, request.Username, request.Password)
            : SignInRules.Client(directory, request.ClientId!);
        if (signIn.Refusal is { } refusal)
            return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = $"{refusal.Code}: {refusal.Detail}",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

        var principal = new ClaimsPrincipal(new ClaimsIdentity(signIn.Claims, TokenValidationParameters.DefaultAuthenticationType,
            PlatformClaims.Subject, PlatformClaims.Role));
        // A client that names no scope gets the platform's: a terminal's request stays short.
        var granted = request.GetScopes() is { IsEmpty: false } asked ? asked : [PlatformSecurity.DefaultScope];
        principal.SetScopes(granted);
        principal.SetResources(await scopes.ListResourcesAsync(granted).ToListAsync());
        principal.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
