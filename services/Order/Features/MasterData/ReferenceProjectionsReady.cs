using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OmniChannel.Order.Features.MasterData;

/// <summary>
/// The API is ready once the owners' projections hold a fulfillment group and a tender type; before that every order
/// would be refused. On a fresh platform Inventory and Payment publish their state as they start or as the worker asks
/// (<see cref="AskOwnersOnStart"/>) and the worker projects it a moment later, so the gateway, which waits for this, sends no order too early. Once ready it stays ready: the
/// projections are only ever replaced, never emptied.
/// </summary>
public sealed class ReferenceProjectionsReady(IDocumentStore store) : IHealthCheck
{
    private volatile bool ready;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!ready)
        {
            await using var session = store.QuerySession();
            ready = await session.Query<FulfillmentGroup>().AnyAsync(cancellationToken)
                    && await session.Query<AcceptedTender>().AnyAsync(cancellationToken);
        }
        return ready
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Waiting for Inventory's fulfillment groups and Payment's tender types (published as they start).");
    }
}
