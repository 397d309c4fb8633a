using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.ServiceDefaults.Http;

/// <summary>
/// The last line of defence for text PostgreSQL refused: a NUL that got past the edge is the caller's input, answered
/// 400 <c>text.invalid</c>, not 500. Any data error that reached the request also retires the pool's connections, for
/// code that uses Npgsql without a Marten session (<see cref="PostgresDataErrors"/>).
/// </summary>
internal sealed class PostgresDataErrorHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.RequestServices.GetService<NpgsqlDataSource>() is { } dataSource)
            PostgresDataErrors.RetireConnectionsAfter(exception, dataSource);
        if (PostgresDataErrors.RefusalFor(exception) is not { } refusal)
            return false;
        await refusal.ToProblem().ExecuteAsync(httpContext);
        return true;
    }
}
