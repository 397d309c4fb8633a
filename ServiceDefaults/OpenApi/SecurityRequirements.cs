using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace OmniChannel.ServiceDefaults.OpenApi;

/// <summary>
/// An operation that needs a token says so, with the policy it is decided by: its authorize data, or the fallback policy
/// (<see cref="Security.PlatformPolicies"/>: every endpoint needs a caller unless it allows anonymous ones). Such an
/// operation answers 401 without a valid token, and 403 when its policy asks more than a valid token (a role) or its
/// handler refuses the caller's rights; an anonymous one (a storefront's signed webhook) names no scheme.
/// </summary>
internal sealed class SecurityRequirements(IConfiguration configuration) : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (await PolicyOfAsync(context) is not { } policy)
            return;
        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemes.OAuth2, context.Document)] = [SecuritySchemes.Scope(configuration)] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemes.Bearer, context.Document)] = [] },
        ];
        ProblemResponses.Declare(operation, StatusCodes.Status401Unauthorized);
        if (policy.Requirements.Any(r => r is not DenyAnonymousAuthorizationRequirement))
            ProblemResponses.Declare(operation, StatusCodes.Status403Forbidden);
    }

    /// <summary>Whether this process checks bearer tokens at all (<see cref="Security.PlatformSecurity.AddPlatformSecurity"/>).</summary>
    public static async Task<bool> HasBearerTokensAsync(IServiceProvider services) =>
        services.GetService<IAuthenticationSchemeProvider>() is { } schemes
        && await schemes.GetSchemeAsync(JwtBearerDefaults.AuthenticationScheme) is not null;

    /// <summary>The policy the authorization middleware decides the endpoint by; null when it takes anonymous callers.</summary>
    private static async Task<AuthorizationPolicy?> PolicyOfAsync(OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any() || !await HasBearerTokensAsync(context.ApplicationServices)
            || context.ApplicationServices.GetService<IAuthorizationPolicyProvider>() is not { } policies)
            return null;
        return await AuthorizationPolicy.CombineAsync(policies, metadata.OfType<IAuthorizeData>(), metadata.OfType<AuthorizationPolicy>())
            ?? await policies.GetFallbackPolicyAsync();
    }
}
