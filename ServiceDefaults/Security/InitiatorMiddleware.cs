using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OmniChannel.ServiceDefaults.Security;

/// <summary>
/// The request's principal, once authenticated, is the initiator of whatever the request does: set on the scope's
/// <see cref="InitiatorAccessor"/> (so the messages it sends and the events it appends carry it), tagged on the request's
/// activity and put in the log scope. Only the token says who it is: no request header is taken for it.
/// </summary>
public sealed class InitiatorMiddleware(RequestDelegate next, ILogger<InitiatorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, InitiatorAccessor initiators)
    {
        if (Initiator.Of(context.User) is not { } initiator)
        {
            await next(context); // anonymous (health, OpenAPI, a signed webhook): the service's own work
            return;
        }
        initiators.Set(initiator);
        InitiatorTelemetry.Tag(Activity.Current, initiator);
        using (logger.BeginScope(InitiatorTelemetry.Scope(initiator)))
            await next(context);
    }
}
