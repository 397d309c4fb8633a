using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Client;

namespace OmniChannel.ServiceDefaults.Security;

/// <summary>
/// A service calling another (HTTP or gRPC) sends a token of its own client (role <c>service</c>): client credentials
/// <c>Identity:ClientId</c> / <c>Identity:ClientSecret</c> at <c>Identity:Authority</c>, asked for through OpenIddict's
/// client and held until shortly before it expires.
/// </summary>
public static class ServiceTokens
{
    public static IHttpClientBuilder AddServiceToken(this IHttpClientBuilder http)
    {
        if (!http.Services.Any(service => service.ServiceType == typeof(ServiceTokenSource)))
        {
            http.Services.AddSingleton<ServiceTokenSource>();
            http.Services.AddTransient<ServiceTokenHandler>();
            http.Services.AddOpenIddict().AddClient(client => client
                .AllowClientCredentialsFlow()
                .DisableTokenStorage() // nothing to revoke or look up: the token is held in memory (ServiceTokenSource)
                .UseSystemNetHttp());
            http.Services.AddOptions<OpenIddictClientOptions>().Configure<IConfiguration>((options, configuration) =>
            {
                var identity = configuration.GetSection("Identity");
                options.Registrations.Add(new OpenIddictClientRegistration
                {
                    Issuer = new Uri(Required(identity, "Authority")),
                    ClientId = Required(identity, "ClientId"),
                    ClientSecret = Required(identity, "ClientSecret"),
                    Scopes = { identity["Scope"] ?? PlatformSecurity.DefaultScope },
                });
            });
        }
        return http.AddHttpMessageHandler<ServiceTokenHandler>();
    }

    /// <summary>A minute before expiry, or half-way for a short-lived token, so no call leaves with a token about to expire.</summary>
    public static DateTimeOffset RenewAt(DateTimeOffset issued, DateTimeOffset expires)
    {
        var lifetime = expires - issued;
        return expires - (lifetime > TimeSpan.FromMinutes(2) ? TimeSpan.FromMinutes(1) : lifetime / 2);
    }

    private static string Required(IConfigurationSection identity, string key) => identity[key] is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"Identity:{key} is not set: this service calls another with a token of its own client.");
}

/// <summary>
/// One token for this service's client, renewed shortly before it expires. OpenIddict's client asks for tokens but
/// keeps none, and no maintained token cache (Duende.AccessTokenManagement) is served to this build: hence this holder.
/// </summary>
internal sealed class ServiceTokenSource(OpenIddictClientService client, TimeProvider clock)
{
    private readonly SemaphoreSlim renewing = new(1, 1);
    private volatile HeldToken? held;

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (held is { } token && clock.GetUtcNow() < token.RenewAt)
            return token.Value;
        await renewing.WaitAsync(cancellationToken);
        try
        {
            if (held is { } renewed && clock.GetUtcNow() < renewed.RenewAt)
                return renewed.Value; // another caller renewed it while this one waited
            var now = clock.GetUtcNow();
            var result = await client.AuthenticateWithClientCredentialsAsync(new() { CancellationToken = cancellationToken });
            held = new HeldToken(result.AccessToken, ServiceTokens.RenewAt(now, result.AccessTokenExpirationDate ?? now.AddMinutes(5)));
            return result.AccessToken;
        }
        finally
        {
            renewing.Release();
        }
    }

    private sealed record HeldToken(string Value, DateTimeOffset RenewAt);
}

internal sealed class ServiceTokenHandler(ServiceTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new("Bearer", await tokens.GetAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
