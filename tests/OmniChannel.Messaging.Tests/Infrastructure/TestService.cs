using Marten;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OmniChannel.ServiceDefaults.Logging;
using OmniChannel.ServiceDefaults.Messaging;
using OmniChannel.ServiceDefaults.Messaging.Outbox;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.Messaging.Tests.Infrastructure;

/// <summary>
/// A service as the platform builds one (<c>AddMartenStore</c> then <c>AddMessaging</c>), with its own schema and
/// queue prefix, that a test can start, stop and start again (a restart keeps the database and the queues). Its
/// queues are deleted when it is disposed.
/// </summary>
public sealed class TestService(MessagingInfrastructure infrastructure, string purpose) : IAsyncDisposable
{
    private readonly List<Action<IBusRegistrationConfigurator>> registrations = [];
    private readonly List<Func<IEndpointNameFormatter, string>> queues = [];
    private Action<MartenOutboxOptions> outboxOptions = _ => { };
    private Func<string, string> postgres = connectionString => connectionString;
    private IHost? host;

    /// <summary>Schema, queue prefix and service name: unique per test, readable in RabbitMQ and psql.</summary>
    public string Name { get; } = $"{purpose}{Random.Shared.Next(100000, 999999)}";

    public DeliveryLog Deliveries { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public IServiceProvider Services => (host ?? throw new InvalidOperationException("Not built.")).Services;

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public IBus Bus => Services.GetRequiredService<IBus>();

    public TestService WithConsumer<T>() where T : class, IConsumer
    {
        registrations.Add(bus => bus.AddConsumer<T>());
        queues.Add(formatter => formatter.Consumer<T>());
        return this;
    }

    public TestService WithSaga<TMachine, TState, TDefinition>()
        where TMachine : class, SagaStateMachine<TState>
        where TState : class, SagaStateMachineInstance, ISagaVersion
        where TDefinition : class, ISagaDefinition<TState>
    {
        registrations.Add(bus => bus.AddSagaStateMachine<TMachine, TState>(typeof(TDefinition)).MartenRepository());
        queues.Add(formatter => formatter.Saga<TState>());
        return this;
    }

    /// <summary>The service's connection string, from the test server's (e.g. with a smaller pool).</summary>
    public TestService WithPostgres(Func<string, string> adjust)
    {
        postgres = adjust;
        return this;
    }

    public TestService WithOutbox(Action<MartenOutboxOptions> configure)
    {
        outboxOptions = configure;
        return this;
    }

    /// <summary>Builds the host without starting it: its store works, nothing consumes or delivers yet.</summary>
    public TestService Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", ApplicationName = Name });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = postgres(infrastructure.Postgres),
            ["ConnectionStrings:rabbitmq"] = infrastructure.RabbitMq,
            ["OmniChannel:Messaging:RetryLimit"] = "2", // so a failing message reaches _error in about two seconds
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddProvider(Logs);
        EscapingLoggerFactory.Decorate(builder.Services); // as AddServiceDefaults does
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddConsumeObserver(_ => Deliveries);

        builder.AddMartenStore(Name);
        builder.AddMessaging(Name, bus =>
        {
            registrations.ForEach(register => register(bus));
            bus.AddMartenOutbox(options =>
            {
                options.QueryDelay = TimeSpan.FromMilliseconds(200);
                outboxOptions(options);
            });
        });
        host = builder.Build();
        return this;
    }

    public async Task<TestService> StartAsync()
    {
        if (host is null)
            Build();
        // MassTransit keeps its log context in an AsyncLocal, which would carry a stopped host's logger into this one.
        LogContext.Current = null!;
        await host!.StartAsync();
        return this;
    }

    /// <summary>Stops the bus and the delivery service, then drops the host, like a process that ends.</summary>
    public async Task StopAsync()
    {
        if (host is null)
            return;
        try { await host.StopAsync(); }
        finally
        {
            host.Dispose();
            host = null;
        }
    }

    public Task<int> CounterAsync(string key) => Counters.ReadAsync(infrastructure.Postgres, key);

    public async Task<int> MessagesInQueueAsync(string queue) => (int)await RabbitMqQueues.CountAsync(infrastructure.RabbitMq, queue);

    public string QueueOf<TConsumer>() where TConsumer : class, IConsumer => new KebabCaseEndpointNameFormatter(Name, false).Consumer<TConsumer>();

    public async ValueTask DisposeAsync()
    {
        try { await StopAsync(); }
        finally
        {
            // Otherwise the queues stay bound to the message types' exchanges and collect copies from later runs.
            var formatter = new KebabCaseEndpointNameFormatter(Name, false);
            await RabbitMqQueues.DeleteAsync(infrastructure.RabbitMq, queues.Select(queue => queue(formatter)));
        }
    }
}
