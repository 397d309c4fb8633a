using Marten;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OmniChannel.ServiceDefaults.Messaging.Outbox;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.ServiceDefaults.Messaging;

/// <summary>Wires MassTransit's transactional outbox and inbox to Marten, the way its EF Core and MongoDB outboxes are wired.</summary>
public static class MartenOutboxExtensions
{
    /// <summary>
    /// The Marten outbox on the bus: the outbox context consumers and sagas run in, the delivery service and the inbox
    /// cleanup. <see cref="MessagingExtensions.AddMessaging"/> calls it; call it again to change <paramref name="configure"/>.
    /// </summary>
    public static IBusRegistrationConfigurator AddMartenOutbox(this IBusRegistrationConfigurator bus, Action<MartenOutboxOptions>? configure = null)
    {
        bus.AddOptions<MartenOutboxOptions>().Configure(options => configure?.Invoke(options));
        bus.TryAddScoped<IOutboxContextFactory<IDocumentSession>, MartenOutboxContextFactory>();
        bus.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxDeliveryService>());
        bus.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, InboxCleanupService>());
        bus.TryAddSingleton<DeliveredOutboxCleanup>();
        bus.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DeliveredOutboxCleanup>(provider => provider.GetRequiredService<DeliveredOutboxCleanup>()));
        return bus;
    }

    /// <summary>
    /// Every consumer and saga of <paramref name="endpoint"/> consumes through the outbox: inbox record, writes and
    /// published messages in one transaction. <see cref="MessagingExtensions.AddMessaging"/> does this for every endpoint.
    /// </summary>
    public static void UseMartenOutbox(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context)
    {
        var options = context.GetRequiredService<IOptions<MartenOutboxOptions>>().Value;
        var observer = new OutboxConsumePipeSpecificationObserver<IDocumentSession>(endpoint, context)
        {
            MessageDeliveryLimit = options.MessageDeliveryLimit,
            MessageDeliveryTimeout = options.MessageDeliveryTimeout,
        };
        endpoint.ConnectConsumerConfigurationObserver(observer);
        endpoint.ConnectSagaConfigurationObserver(observer);
    }

    /// <summary>
    /// Lightweight sessions that take part in the outbox (in place of <c>UseLightweightSessions()</c>): the inbox and
    /// outbox documents, the commit wake-up of the delivery service, and a scoped IDocumentSession that joins the
    /// outbox's transaction while a message is consumed.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression UseOutboxSessions(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
    {
        marten.Services.TryAddScoped<ConsumeTransaction>();
        marten.Services.AddInitiators();
        marten.Services.TryAddSingleton<OutboxSignal>();
        marten.Services.ConfigureMarten((services, options) => OutboxStorage.Configure(options, services.GetRequiredService<OutboxSignal>()));
        return marten.BuildSessionsWith<OutboxSessionFactory>(ServiceLifetime.Scoped);
    }
}
