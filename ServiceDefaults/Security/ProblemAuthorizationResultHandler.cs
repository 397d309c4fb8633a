using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.ServiceDefaults.Security;

/// <summary>
/// A caller whose token lacks the route's role gets a 403 problem (<c>auth.forbidden</c>) naming the roles that may,
/// not a body-less status code; an unauthenticated caller is challenged (JwtBearer writes the 401 problem).
/// </summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler defaultHandler = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
            return defaultHandler.HandleAsync(next, context, policy, authorizeResult);
        return ProblemCodes.WriteAsync(context, StatusCodes.Status403Forbidden, "auth.forbidden", ForbiddenDetail(policy));
    }

    internal static string ForbiddenDetail(AuthorizationPolicy policy)
    {
        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).ToList();
        return roles.Count == 0
            ? "The caller's token does not allow this request."
            : $"Only a token of role {string.Join(" or ", roles)} may make this request.";
    }
}
