using JasperFx.Events.Projections;
using Marten;
using OmniChannel.PaymentToken.Features.Deposits;
using OmniChannel.PaymentToken.Features.TenderTypes;
using OmniChannel.PaymentToken.Payments;

namespace OmniChannel.PaymentToken;

public static class PaymentStore
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<TenderType>().Identity(t => t.TenderTypeId);

        // Every order's payments are an event stream keyed by its OrderId, with the current state kept inline.
        options.Events.AddEventTypes(PaymentEvents.All);
        options.Projections.Snapshot<OrderPayments>(SnapshotLifecycle.Inline);
        options.Schema.For<OrderPayments>().Index(p => p.ConfirmationNumber);
    }
}
