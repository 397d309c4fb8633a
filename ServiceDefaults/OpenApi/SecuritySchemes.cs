using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.OpenApi;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.ServiceDefaults.OpenApi;

/// <summary>
/// How a caller proves who it is: a JWT bearer token of the platform's identity provider, got with OAuth 2.0 client
/// credentials (a terminal, a storefront, a merchandiser, an operator, a service) or, where the provider allows it, the
/// password grant (a cashier signing in on a terminal). The token endpoint is the one the provider's discovery document
/// names (the document the service reads its signing keys from): the embedded token service in development, the
/// retailer's provider elsewhere.
/// </summary>
internal sealed class SecuritySchemes(IOptionsMonitor<JwtBearerOptions> bearer, IConfiguration configuration) : IOpenApiDocumentTransformer
{
    public const string OAuth2 = "oauth2";
    public const string Bearer = "bearer";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (!await SecurityRequirements.HasBearerTokensAsync(context.ApplicationServices))
            return; // a process outside the platform's identity (the processor emulator)
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token of the platform's identity provider: Authorization: Bearer <JWT>.",
        };
        if (await FlowsAsync(cancellationToken) is { } flows)
            document.Components.SecuritySchemes[OAuth2] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Flows = flows,
                Description = "Client credentials for devices and services; the password grant for a cashier signing in on a terminal.",
            };
        else
            WithoutOAuth2(document); // a requirement naming a scheme the document lacks would read as "anonymous is fine" ({})
    }

    private static void WithoutOAuth2(OpenApiDocument document)
    {
        foreach (var operation in document.Paths.Values.SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
            if (operation.Security is { } requirements)
                foreach (var requirement in requirements.Where(r => r.Keys.Any(scheme => scheme.Reference.Id == OAuth2)).ToList())
                    requirements.Remove(requirement);
    }

    /// <summary>The scope a client asks for to get a token for the platform.</summary>
    public static string Scope(IConfiguration configuration) => configuration["Identity:Scope"] ?? PlatformSecurity.DefaultScope;

    /// <summary>The OAuth 2.0 flows at the provider's token endpoint, or null while its discovery document cannot be read.</summary>
    private async Task<OpenApiOAuthFlows?> FlowsAsync(CancellationToken cancellationToken)
    {
        if (bearer.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager is not { } discovery)
            return null;
        OpenIdConnectConfiguration provider;
        try
        {
            provider = await discovery.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or HttpRequestException)
        {
            return null; // the bearer scheme alone says what to send
        }
        if (!Uri.TryCreate(provider.TokenEndpoint, UriKind.Absolute, out var tokenUrl))
            return null;
        var scopes = new Dictionary<string, string> { [Scope(configuration)] = "Calls to the OmniChannel platform." };
        var grants = provider.GrantTypesSupported;
        return new OpenApiOAuthFlows
        {
            ClientCredentials = grants.Count == 0 || grants.Contains("client_credentials")
                ? new OpenApiOAuthFlow { TokenUrl = tokenUrl, Scopes = scopes }
                : null,
            Password = grants.Contains("password") ? new OpenApiOAuthFlow { TokenUrl = tokenUrl, Scopes = new Dictionary<string, string>(scopes) } : null,
        };
    }
}
