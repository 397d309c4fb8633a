using MassTransit;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Order.Features.CancelOrder;
using OmniChannel.Order.Features.FulfillmentPayments;
using OmniChannel.Order.Features.Invoicing;
using Inventory = OmniChannel.Contracts.Inventory;
using Payment = OmniChannel.Contracts.Payment;

namespace OmniChannel.Order.Features.OrderSaga;

/// <summary>
/// How the order saga consumes. Its retries (a revision conflict at once, anything else exponentially) and its Marten
/// outbox are every endpoint's, from AddMessaging; here: Pricing asked before the outbox's transaction begins, and one
/// message at a time per order (partitioned by order id, ahead of the outbox), so two answers for one order queue up
/// instead of failing each other's revision check.
/// </summary>
public sealed class OrderStateDefinition : SagaDefinition<OrderState>
{
    private const int Concurrency = 16;

    public OrderStateDefinition() => ConcurrentMessageLimit = Concurrency;

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpoint, ISagaConfigurator<OrderState> saga, IRegistrationContext context)
    {
        endpoint.UseFilter(new PriceFirstFilter(context));

        var partition = endpoint.CreatePartitioner(Concurrency);
        saga.Message<Inventory.StockReserved>(m => m.UsePartitioner(partition, c => c.Message.OrderId));
        saga.Message<Inventory.StockReservationFailed>(m => m.UsePartitioner(partition, c => c.Message.OrderId));
        saga.Message<Inventory.StockReleased>(m => m.UsePartitioner(partition, c => c.Message.OrderId));
        saga.Message<Payment.DepositCaptured>(m => m.UsePartitioner(partition, c => c.Message.OrderId));
        saga.Message<Payment.DepositDeclined>(m => m.UsePartitioner(partition, c => c.Message.OrderId));
        saga.Message<Payment.FulfillmentPaymentCaptured>(m => m.UsePartitioner(partition, c => c.Message.OrderId));
        saga.Message<Payment.FulfillmentPaymentFailed>(m => m.UsePartitioner(partition, c => c.Message.OrderId));
        saga.Message<Payment.OrderPaymentsSettled>(m => m.UsePartitioner(partition, c => c.Message.OrderId));
        saga.Message<PickupCompleted>(m => m.UsePartitioner(partition, c => c.Message.OrderId));
        saga.Message<InvoiceShippedLines>(m => m.UsePartitioner(partition, c => c.Message.OrderId));
        saga.Message<RetryFulfillmentPayment>(m => m.UsePartitioner(partition, c => c.Message.OrderId));
        saga.Message<CancelCustomerOrder>(m => m.UsePartitioner(partition, c => c.Message.OrderId));
    }
}
