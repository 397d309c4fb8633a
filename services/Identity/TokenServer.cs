using Microsoft.EntityFrameworkCore;
using OmniChannel.Identity.Principals;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Identity;

/// <summary>OpenIddict's server: the token endpoint with the client-credentials and password grants, discovery and JWKS.</summary>
internal static class TokenServer
{
    public const string TokenPath = "/connect/token";

    public static void AddTokenServer(this WebApplicationBuilder builder)
    {
        // OpenIddict's store on EF Core's in-memory provider: the clients and the scope are seeded from the dev file at
        // every start and no token is stored (each is a self-contained JWT), so there is nothing to keep across restarts,
        // and the token service starts before, and without, PostgreSQL.
        builder.Services.AddDbContext<IdentityStore>(options => options.UseInMemoryDatabase("identity").UseOpenIddict());

        var issuer = builder.Configuration["Identity:Issuer"] is { Length: > 0 } configured ? new Uri(configured) : null;
        var directory = PrincipalDirectory.Load(builder.Configuration);
        builder.Services.AddSingleton(directory);
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityStore>())
            .AddServer(server =>
            {
                // The services reach the token service at the URL AppHost gives them (Identity:Authority): the tokens'
                // issuer must be that URL whatever host name a client used.
                if (issuer is not null)
                    server.SetIssuer(issuer);
                server.SetTokenEndpointUris(TokenPath.TrimStart('/'));
                server.AllowClientCredentialsFlow().AllowPasswordFlow();
                server.RegisterScopes(PlatformSecurity.DefaultScope);
                // The development key of the dev file: tokens outlive a restart of this service, and tests can sign
                // tokens that are wrong in one way only (expired, for another audience) to prove the services refuse them.
                server.AddSigningKey(directory.SigningKey());
                // Access tokens stay plain signed JWTs (any JwtBearer can check them); OpenIddict still wants an
                // encryption key for the tokens it keeps to itself.
                server.DisableAccessTokenEncryption();
                server.AddEphemeralEncryptionKey();
                server.DisableTokenStorage();
                server.DisableAuthorizationStorage();
                var aspNetCore = server.UseAspNetCore().EnableTokenEndpointPassthrough();
                // Plain HTTP on loopback, in development only (this service runs nowhere else).
                if (builder.Environment.IsDevelopment())
                    aspNetCore.DisableTransportSecurityRequirement();
            });
    }
}

internal sealed class IdentityStore(DbContextOptions<IdentityStore> options) : DbContext(options);
