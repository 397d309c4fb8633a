using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OmniChannel.ServiceDefaults.Http;

/// <summary>
/// Operator actions (drills, jobs run now) under <c>/operations</c> of a service's own port: the gateway routes only
/// <c>/api/**</c>, and each request must carry the operator key (<c>X-Operator-Key</c>) that AppHost generates for its
/// run (<c>Operations__Key</c>) and sends from the dashboard's resource commands. Without a configured key the
/// actions are off. Refusals are problem details: 401 <c>operator.key_invalid</c>, 403 <c>operations.disabled</c>.
/// </summary>
public static class OperatorEndpoints
{
    public const string KeyHeader = "X-Operator-Key";

    public static RouteGroupBuilder MapOperatorActions(this IEndpointRouteBuilder app) =>
        app.MapGroup("/operations").WithTags("Operations").ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
        {
            var configured = context.HttpContext.RequestServices.GetRequiredService<IConfiguration>()["Operations:Key"];
            if (string.IsNullOrEmpty(configured))
                return ProblemCodes.Problem(StatusCodes.Status403Forbidden, "operations.disabled",
                    "Operator actions are off: this service was started without an operator key.");
            var given = context.HttpContext.Request.Headers[KeyHeader].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(configured)))
                return ProblemCodes.Problem(StatusCodes.Status401Unauthorized, "operator.key_invalid",
                    $"Operator actions need the operator key in {KeyHeader}; they are run from the dashboard's resource commands.");
            return await next(context);
        });
}
