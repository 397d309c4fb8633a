using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OmniChannel.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ from <c>ConnectionStrings:rabbitmq</c> (an amqp:// URI, the Aspire convention), wired
    /// the same way for every service: exponential retries spanning about two minutes, then the <c>_error</c> queue,
    /// never a silent drop. The message stays unacknowledged while it is retried, so a crash mid-retry hands it back
    /// to the broker. (Delayed redelivery would need RabbitMQ's delayed-exchange plugin, which Debian does not ship.)
    /// Queue names are kebab-case and prefixed with the service name, so each consuming service gets its own copy.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, string serviceName,
        Action<IBusRegistrationConfigurator>? configure = null)
    {
        var connectionString = builder.Configuration.GetConnectionString("rabbitmq")
            ?? throw new InvalidOperationException(
                "ConnectionStrings:rabbitmq is not set. Run the platform with `dotnet run --project AppHost`, " +
                "or set ConnectionStrings__rabbitmq=amqp://user:password@host:port/");

        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            configure?.Invoke(bus);

            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                endpoint.UseMessageRetry(r => r.Exponential(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500)));
            });

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
                rabbit.ConfigureEndpoints(context);
            });
        });

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
