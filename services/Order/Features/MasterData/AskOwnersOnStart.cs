using Marten;
using OmniChannel.Contracts.Inventory;
using OmniChannel.Contracts.Payment;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.Order.Features.MasterData;

/// <summary>
/// The worker asks Inventory-Allocation and Payment-Token for their whole state as it starts, once its bus (and so its
/// queues) is up. The owners also publish it as they start; between the two, whichever starts first, the projections
/// receive it: an owner that started earlier published into no queue of ours, but is there to answer this request.
/// </summary>
public sealed class AskOwnersOnStart(IDocumentStore store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.PublishOnCommit(new PublishFulfillmentGroups { RequestedBy = "order" });
        session.PublishOnCommit(new PublishTenderTypes { RequestedBy = "order" });
        await session.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
