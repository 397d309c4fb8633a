using Marten;
using MassTransit;
using OmniChannel.Contracts.Payment;
using OmniChannel.PaymentToken.Connectors;
using OmniChannel.PaymentToken.Payments;

namespace OmniChannel.PaymentToken.Features.Voids;

/// <summary>A completed order's open authorizations are voided, once (the void plan, keyed by the order's completion).</summary>
public sealed class ReleaseOrderAuthorizationsConsumer(IDocumentSession session, IConnectors connectors, TimeProvider clock)
    : IConsumer<ReleaseOrderAuthorizations>
{
    public const string RequestKey = "completion.void";

    public async Task Consume(ConsumeContext<ReleaseOrderAuthorizations> context)
    {
        var (orderId, ct) = (context.Message.OrderId, context.CancellationToken);
        var journal = new TransactionalPaymentJournal(session);
        if (await journal.LoadAsync(orderId, ct) is null)
            return; // nothing was ever authorized (e.g. a business customer's order paid on invoice)
        var release = new VoidRequest(RequestKey, RequestKey, null);
        await new PaymentEngine(journal, connectors, clock).RunAsync(orderId, null, (s, now) => VoidPlan.Next(s, release, now), ct);
        await session.SaveChangesAsync(ct);
    }
}
