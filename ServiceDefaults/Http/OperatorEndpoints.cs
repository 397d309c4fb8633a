using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.ServiceDefaults.Http;

/// <summary>
/// Operator actions (drills, jobs run now) under <c>/operations</c> of a service's own port: the gateway routes only
/// <c>/api/**</c>, and each request must carry an operator's token (role <c>operator</c>), which the dashboard's resource
/// commands get from the identity provider with AppHost's own client. Refusals are the platform's 401 and 403 problems.
/// </summary>
public static class OperatorEndpoints
{
    public static RouteGroupBuilder MapOperatorActions(this IEndpointRouteBuilder app) =>
        app.MapGroup("/operations").WithTags("Operations").ExcludeFromDescription().RequireAuthorization(PlatformPolicies.Operator);
}
