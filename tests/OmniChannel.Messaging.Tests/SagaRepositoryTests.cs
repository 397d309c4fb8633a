using Marten;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.Messaging.Tests.Infrastructure;
using OmniChannel.Messaging.Tests.Model;

namespace OmniChannel.Messaging.Tests;

/// <summary>A MassTransit state machine saga kept by the Marten repository, through the same outbox as consumers.</summary>
[Collection(MessagingCollection.Name)]
public sealed class SagaRepositoryTests(MessagingInfrastructure infrastructure)
{
    private const int Lines = 20;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_order_survives_a_restart_counts_concurrent_lines_exactly_and_is_removed_when_finalized()
    {
        await using var service = new TestService(infrastructure, "orders")
            .WithSaga<OrderStateMachine, OrderState, OrderStateDefinition>().WithConsumer<OrderNotices>();
        await service.StartAsync();
        var orderId = Guid.NewGuid();

        await service.Bus.Publish(new PlaceOrder(orderId));
        await Poll.UntilAsync(async () => (await Load(service, orderId))?.CurrentState == "Pending", Deadline, "the order to be pending");
        await Poll.UntilAsync(() => Task.FromResult(service.Deliveries.Count<OrderPending>(notice => notice.OrderId == orderId) == 1),
            Deadline, "the pending notice");

        // The process ends mid-flow; the next one continues from the stored state.
        await service.StopAsync();
        await service.StartAsync();

        // Many lines of one order at once: the saga's revision check lets one writer win each round, the others retry.
        await Task.WhenAll(Enumerable.Range(0, Lines).Select(_ => service.Bus.Publish(new AddOrderLine(orderId))));
        await Poll.UntilAsync(async () => (await Load(service, orderId))?.Lines == Lines, Deadline, $"{Lines} lines on the order");

        await service.Bus.Publish(new CompleteOrder(orderId));
        await Poll.UntilAsync(async () => (await Load(service, orderId))?.CurrentState == "Completed", Deadline, "the order to be completed");
        await service.Bus.Publish(new CloseOrder(orderId));
        await Poll.UntilAsync(async () => await Load(service, orderId) is null, Deadline, "the finalized order to be removed");
        await Poll.UntilAsync(() => Task.FromResult(service.Deliveries.Count<OrderClosed>(notice => notice.OrderId == orderId) == 1),
            Deadline, "the closed notice");

        var completed = Assert.Single(service.Deliveries.Of<OrderCompleted>(notice => notice.OrderId == orderId));
        Assert.Equal(Lines, ((OrderCompleted)completed.Message).Lines);
        Assert.Equal(1, service.Deliveries.Count<OrderPending>(notice => notice.OrderId == orderId));
        Assert.Equal(Lines, service.Deliveries.Count<AddOrderLine>(line => line.OrderId == orderId));
        Assert.Equal(0, await service.MessagesInQueueAsync($"{new MassTransit.KebabCaseEndpointNameFormatter(service.Name, false).Saga<OrderState>()}_error"));
    }

    private static async Task<OrderState?> Load(TestService service, Guid orderId)
    {
        await using var session = service.Store.QuerySession();
        return await session.LoadAsync<OrderState>(orderId);
    }
}
