using System.Linq.Expressions;
using Marten;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using OmniChannel.ServiceDefaults.Messaging.Sagas;

namespace OmniChannel.ServiceDefaults.Messaging;

public static class MartenSagaRepositoryExtensions
{
    /// <summary>
    /// Keeps <typeparamref name="TSaga"/> instances as Marten documents (id = CorrelationId) in the service's schema,
    /// written through the consume's own session, so a saga's state, its inbox record and the messages it published
    /// commit together. <see cref="ISagaVersion.Version"/> is the document's numeric revision: of two messages
    /// changing one instance at once, the second fails its commit and is retried on the new state.
    /// </summary>
    public static ISagaRegistrationConfigurator<TSaga> MartenRepository<TSaga>(this ISagaRegistrationConfigurator<TSaga> configurator)
        where TSaga : class, ISaga, ISagaVersion
    {
        configurator.Repository(repository =>
        {
            repository.ConfigureMarten(options => options.Schema.For<TSaga>()
                .Identity(Property<TSaga, object>(nameof(ISaga.CorrelationId)))
                .UseNumericRevisions(true)
                .Metadata(metadata => metadata.Revision.MapTo(Property<TSaga, long>(nameof(ISagaVersion.Version)))));

            repository.RegisterSagaRepository<TSaga, IDocumentSession, SagaConsumeContextFactory<IDocumentSession, TSaga>,
                MartenSagaRepositoryContextFactory<TSaga>>();
            repository.RegisterLoadSagaRepository<TSaga, MartenSagaRepositoryContextFactory<TSaga>>();
            repository.RegisterQuerySagaRepository<TSaga, MartenSagaRepositoryContextFactory<TSaga>>();
        });
        return configurator;
    }

    // saga => (TValue)saga.Name on the saga type's own property, not the interface's: Marten maps members of the document type.
    private static Expression<Func<T, TValue>> Property<T, TValue>(string name)
    {
        var saga = Expression.Parameter(typeof(T), "saga");
        var property = Expression.Property(saga, typeof(T).GetProperty(name)!);
        return Expression.Lambda<Func<T, TValue>>(Expression.Convert(property, typeof(TValue)), saga);
    }
}
