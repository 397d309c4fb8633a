using Marten;
using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;

namespace OmniChannel.ServiceDefaults.Messaging.Sagas;

/// <summary>
/// One message's view of the saga repository. Changes are staged in the session and committed by the outbox with the
/// inbox record and the published messages (or at once, <c>commitEachChange</c>, where no outbox runs). Every update and
/// delete names the revision it loaded, so a concurrent change of the same instance fails the commit.
/// </summary>
internal sealed class MartenSagaRepositoryContext<TSaga, TMessage> : ConsumeContextScope<TMessage>, SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, ISaga, ISagaVersion
    where TMessage : class
{
    private readonly IDocumentSession session;
    private readonly ConsumeContext<TMessage> context;
    private readonly ISagaConsumeContextFactory<IDocumentSession, TSaga> factory;
    private readonly bool commitEachChange;

    public MartenSagaRepositoryContext(IDocumentSession session, ConsumeContext<TMessage> context,
        ISagaConsumeContextFactory<IDocumentSession, TSaga> factory, bool commitEachChange) : base(context)
    {
        this.session = session;
        this.context = context;
        this.factory = factory;
        this.commitEachChange = commitEachChange;
    }

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        factory.CreateSagaConsumeContext(session, context, instance, SagaConsumeContextMode.Add);

    /// <summary>
    /// No pre-insert: a duplicate would abort the PostgreSQL transaction the whole consume shares. MassTransit falls
    /// back to Load, then to adding the instance, whose insert a concurrent creator fails at commit (and is retried).
    /// </summary>
    public Task<SagaConsumeContext<TSaga, TMessage>> Insert(TSaga instance) => Task.FromResult<SagaConsumeContext<TSaga, TMessage>>(null!);

    public async Task<SagaConsumeContext<TSaga, TMessage>> Load(Guid correlationId) =>
        await session.LoadAsync<TSaga>(correlationId, CancellationToken) is { } instance
            ? await factory.CreateSagaConsumeContext(session, context, instance, SagaConsumeContextMode.Load)
            : null!;

    public Task Save(SagaConsumeContext<TSaga> sagaContext)
    {
        session.Insert(sagaContext.Saga);
        return Flush();
    }

    public Task Update(SagaConsumeContext<TSaga> sagaContext)
    {
        session.UpdateRevision(sagaContext.Saga, sagaContext.Saga.Version + 1);
        return Flush();
    }

    /// <summary>Marten checks no revision on a delete, so the revision is moved first (a stale instance fails there).</summary>
    public async Task Delete(SagaConsumeContext<TSaga> sagaContext)
    {
        session.UpdateRevision(sagaContext.Saga, sagaContext.Saga.Version + 1);
        await session.SaveChangesAsync(CancellationToken);
        session.Delete(sagaContext.Saga);
        await Flush();
    }

    public Task Discard(SagaConsumeContext<TSaga> sagaContext) => Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> sagaContext)
    {
        session.Eject(sagaContext.Saga);
        return Task.CompletedTask;
    }

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> consumeContext, TSaga instance,
        SagaConsumeContextMode mode) where T : class =>
        factory.CreateSagaConsumeContext(session, consumeContext, instance, mode);

    private Task Flush() => commitEachChange ? session.SaveChangesAsync(CancellationToken) : Task.CompletedTask;
}
