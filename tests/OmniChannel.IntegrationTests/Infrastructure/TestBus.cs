using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace OmniChannel.IntegrationTests.Infrastructure;

/// <summary>
/// A bus of the test's own on the platform's RabbitMQ, publishing as another service would: for messages no route sends
/// (a completion that crossed a cancellation, a redelivered answer, a partial cancellation no service sends yet).
/// </summary>
public static class TestBus
{
    public static async Task WithBusAsync(this PlatformFixture platform, Func<IBus, Task> use)
    {
        var services = new ServiceCollection();
        var rabbit = new Uri(await platform.Platform.ConnectionStringAsync("rabbitmq"));
        services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.UsingRabbitMq((_, configure) => configure.Host(rabbit));
        });
        await using var provider = services.BuildServiceProvider();
        var busControl = provider.GetRequiredService<IBusControl>();
        await busControl.StartAsync();
        try
        {
            await use(busControl);
        }
        finally
        {
            await busControl.StopAsync();
        }
    }

    public static Task PublishAsync<T>(this PlatformFixture platform, T message) where T : class =>
        platform.WithBusAsync(bus => bus.Publish(message));
}
