using MassTransit;
using Marten;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.Messaging.Tests.Model;
using OmniChannel.ServiceDefaults.Messaging.Outbox;

namespace OmniChannel.Messaging.Tests.Infrastructure;

public static class Settling
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Waits until nothing is left that could still deliver a message late: the outbox is empty, and a fresh item sent
    /// through the same two endpoints afterwards has made the whole trip. Then "exactly once" can be asserted without
    /// sleeping. Needs the item consumers.
    /// </summary>
    public static async Task SettleAsync(this TestService service)
    {
        await Poll.UntilAsync(async () =>
        {
            await using var session = service.Store.QuerySession();
            return !await session.Query<OutboxMessage>().AnyAsync();
        }, Deadline, "an empty outbox");

        var sentinel = Guid.NewGuid();
        await service.Bus.Publish(new RegisterItem(sentinel, "sentinel"));
        await Poll.UntilAsync(async () => await service.CounterAsync(Keys.Audited(sentinel)) == 1, Deadline, "the sentinel item's round trip");
    }
}
