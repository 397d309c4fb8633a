using Marten;
using MassTransit;
using MassTransit.Middleware;
using MassTransit.Saga;

namespace OmniChannel.ServiceDefaults.Messaging.Sagas;

/// <summary>Reads saga instances outside a consume (<c>ILoadSagaRepository</c>, <c>IQuerySagaRepository</c>), e.g. for a status endpoint.</summary>
internal sealed class MartenSagaQueryContext<TSaga>(IQuerySession session, CancellationToken cancellationToken)
    : BasePipeContext(cancellationToken), LoadSagaRepositoryContext<TSaga>, QuerySagaRepositoryContext<TSaga>
    where TSaga : class, ISaga
{
    public Task<TSaga> Load(Guid correlationId) => session.LoadAsync<TSaga>(correlationId, CancellationToken)!;

    public async Task<SagaRepositoryQueryContext<TSaga>> Query(ISagaQuery<TSaga> query, CancellationToken cancellationToken = default)
    {
        var ids = await session.Query<TSaga>().Where(query.FilterExpression).Select(saga => saga.CorrelationId).ToListAsync(cancellationToken);
        return new DefaultSagaRepositoryQueryContext<TSaga>(this, ids.ToList());
    }
}
