using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.ServiceDefaults.Security;

/// <summary>
/// Every request carries a bearer token, checked by each service itself (its port is reachable beside the gateway):
/// a JWT of the identity provider named by <c>Identity:Authority</c> (the embedded token service in development and
/// tests, the retailer's own provider elsewhere), signed with a key of its JWKS, for the audience
/// <c>Identity:Audience</c>. Refusals are problem details: 401 <c>auth.token_missing</c> / <c>auth.token_invalid</c>,
/// 403 <c>auth.forbidden</c>.
/// </summary>
public static class PlatformSecurity
{
    /// <summary>The audience of the platform's tokens, and the scope a client asks for to get one.</summary>
    public const string DefaultAudience = "omnichannel";
    public const string DefaultScope = "omnichannel";

    public static TBuilder AddPlatformSecurity<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var identity = builder.Configuration.GetSection("Identity");
        var authority = identity["Authority"] is { Length: > 0 } configured
            ? new Uri(configured)
            : throw new InvalidOperationException("Identity:Authority is not set: the identity provider whose tokens this service accepts.");

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.Authority = authority.ToString();
            options.Audience = identity["Audience"] ?? DefaultAudience;
            options.RequireHttpsMetadata = RequiresHttpsMetadata(authority, builder.Environment.IsDevelopment());
            // Claims keep the names they have in the token (sub, role, store_id), not WS-Federation URIs.
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = PlatformClaims.Subject;
            // Entra ID names its app roles "roles": Identity:RoleClaim says so, no code changes.
            options.TokenValidationParameters.RoleClaimType = identity["RoleClaim"] ?? PlatformClaims.Role;
            options.Events = new JwtBearerEvents { OnChallenge = WriteChallengeAsync };
        });
        builder.Services.AddAuthorization(PlatformPolicies.Configure);
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        builder.Services.AddSingleton<PlatformSecurityMarker>();
        builder.Services.AddInitiators();
        return builder;
    }

    /// <summary>
    /// The signing keys come from the authority's discovery document: over HTTPS, except from a plain-HTTP authority on
    /// this machine's loopback in development (the embedded token service).
    /// </summary>
    public static bool RequiresHttpsMetadata(Uri authority, bool isDevelopment) =>
        !(isDevelopment && authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback);

    /// <summary>
    /// Authentication and authorization, after the correlation id so that refusals carry it; between them, the caller
    /// becomes the initiator of the request's work (<see cref="InitiatorMiddleware"/>), refusals included.
    /// </summary>
    internal static void UsePlatformSecurity(this WebApplication app)
    {
        if (app.Services.GetService<PlatformSecurityMarker>() is null)
            return; // a process outside the platform's identity (the processor emulator)
        app.UseAuthentication();
        app.UseMiddleware<InitiatorMiddleware>();
        app.UseAuthorization();
    }

    /// <summary>What a 401 says: no bearer token at all, or one that was refused (forged, expired, for another audience).</summary>
    public static (string Code, string Detail) Challenge(bool tokenGiven) => tokenGiven
        ? ("auth.token_invalid", "The bearer token was refused: it is not signed by the platform's identity provider, has expired, or is for another audience.")
        : ("auth.token_missing", "This request needs a bearer token (Authorization: Bearer ...) from the platform's identity provider.");

    private static async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var tokenGiven = context.AuthenticateFailure is not null;
        var (code, detail) = Challenge(tokenGiven);
        context.Response.Headers.WWWAuthenticate = tokenGiven ? "Bearer error=\"invalid_token\"" : "Bearer";
        await ProblemCodes.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, code, detail);
    }

    private sealed class PlatformSecurityMarker;
}
