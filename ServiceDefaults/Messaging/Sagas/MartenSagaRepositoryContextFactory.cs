using Marten;
using MassTransit;
using MassTransit.Saga;
using OmniChannel.ServiceDefaults.Messaging.Outbox;

namespace OmniChannel.ServiceDefaults.Messaging.Sagas;

/// <summary>
/// Hands MassTransit a saga repository context over the scope's IDocumentSession: inside a consume that is the
/// session of the outbox's transaction, which commits the saga's changes; elsewhere (an endpoint without the outbox,
/// or reading saga state from an HTTP handler) a plain session, and each change commits by itself.
/// </summary>
internal sealed class MartenSagaRepositoryContextFactory<TSaga>(IDocumentSession session, ConsumeTransaction transaction,
    ISagaConsumeContextFactory<IDocumentSession, TSaga> factory)
    : ISagaRepositoryContextFactory<TSaga>, IQuerySagaRepositoryContextFactory<TSaga>, ILoadSagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISaga, ISagaVersion
{
    private readonly bool commitEachChange = transaction.Current is null;

    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next) where T : class =>
        next.Send(new MartenSagaRepositoryContext<TSaga, T>(session, context, factory, commitEachChange));

    public async Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class
    {
        var repositoryContext = new MartenSagaRepositoryContext<TSaga, T>(session, context, factory, commitEachChange);
        var instances = await session.Query<TSaga>().Where(query.FilterExpression).ToListAsync(context.CancellationToken);
        await next.Send(new LoadedSagaRepositoryQueryContext<TSaga, T>(repositoryContext, instances));
    }

    public Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new MartenSagaQueryContext<TSaga>(session, cancellationToken));

    public Task<T> Execute<T>(Func<QuerySagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new MartenSagaQueryContext<TSaga>(session, cancellationToken));

    public void Probe(ProbeContext context) => context.Add("persistence", "marten");
}
