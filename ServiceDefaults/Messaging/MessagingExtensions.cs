using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ from <c>ConnectionStrings:rabbitmq</c> (an amqp:// URI, the Aspire convention), wired
    /// the same way for every service: every consumer and saga consumes through the Marten outbox (README.md next to
    /// this file: an inbox record per message, its writes and published messages in one transaction); exponential
    /// retries spanning about two minutes (<c>OmniChannel:Messaging:RetryLimit</c>, default 10), then the
    /// <c>_error</c> queue, never a silent drop. That is the retryable half of the failure taxonomy
    /// (ServiceDefaults/Failures): every fault not known to be hopeless; a <c>PermanentFailureException</c> is not
    /// retried but recorded on the operators' queue and consumed (PermanentFailureFilter). The message stays
    /// unacknowledged while it is retried, so a crash mid-retry hands it back to the broker. (Delayed redelivery would need RabbitMQ's delayed-exchange plugin, which
    /// Debian does not ship.) Queue names are kebab-case and prefixed with the service name, so each consuming
    /// service gets its own copy. Every message carries who started the work it belongs to (InitiatorFilters.cs).
    /// Call <c>AddMartenStore</c> first.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, string serviceName,
        Action<IBusRegistrationConfigurator>? configure = null)
    {
        var connectionString = builder.Configuration.GetConnectionString("rabbitmq")
            ?? throw new InvalidOperationException(
                "ConnectionStrings:rabbitmq is not set. Run the platform with `dotnet run --project AppHost`, " +
                "or set ConnectionStrings__rabbitmq=amqp://user:password@host:port/");
        var retryLimit = builder.Configuration.GetValue("OmniChannel:Messaging:RetryLimit", 10);

        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            bus.AddMartenOutbox();
            configure?.Invoke(bus);

            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                // Outermost: a permanent failure (Failures/) is recorded for an operator and the message consumed on
                // purpose, after the retries below ignored it; every other fault goes on to the retries and _error.
                endpoint.UseFilter(new PermanentFailureFilter(context));
                // Two messages changing one saga instance at once: the loser's commit fails its revision check, and
                // it runs again at once on the new state. Outside the retry below, so that one does not hold it back.
                endpoint.UseMessageRetry(r =>
                {
                    r.Handle<Exception>(WriteConflict.IsAny);
                    r.Exponential(20, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(20));
                });
                endpoint.UseMessageRetry(r =>
                {
                    r.Ignore<Exception>(WriteConflict.IsAny);
                    r.Ignore<Exception>(e => PermanentFailureFilter.Find(e) is not null); // asking again changes nothing
                    r.Exponential(retryLimit, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500));
                });
                // Outside the outbox, so the message's initiator is the scope's before the outbox opens its session.
                endpoint.UseConsumeFilter(typeof(InitiatorConsumeFilter<>), context);
                endpoint.UseMartenOutbox(context);
            });

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
                rabbit.UseSendFilter(typeof(InitiatorSendFilter<>), context);
                rabbit.UsePublishFilter(typeof(InitiatorPublishFilter<>), context);
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.AddInitiators();
        // Each receive queue written down for the operators' error-queue view (QueueDirectory.cs).
        builder.Services.AddReceiveEndpointObserver(services => new QueueDirectory(serviceName, new Uri(connectionString),
            services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<QueueDirectory>>()));

        // The bus health check (tagged "ready" by MassTransit) makes /health/ready fail while RabbitMQ is unreachable.
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(60);
            options.StopTimeout = TimeSpan.FromSeconds(20);
        });
        return builder;
    }
}
