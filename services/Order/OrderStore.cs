using JasperFx.Events;
using Marten;
using JasperFx.Events.Projections;
using OmniChannel.Order.Features.CancelOrder;
using OmniChannel.Order.Ecommerce;
using OmniChannel.Order.Features.CreateOrder;
using OmniChannel.Order.Features.EcommerceOrders;
using OmniChannel.Order.Features.Invoicing;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Features.RecallOrders;
using OmniChannel.Order.Features.StorefrontWebhooks;
using OmniChannel.Order.Orders;

namespace OmniChannel.Order;

public static class OrderStore
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<Customer>().Index(customer => customer.Email);
        options.Schema.For<StoreSettings>().Identity(store => store.StoreId);
        options.Schema.For<CustomerOrderParameters>();
        options.Schema.For<PermissionGroupRights>();
        options.Schema.For<ProductInfo>().Identity(product => product.Sku);
        // Projections of what Inventory-Allocation and Payment-Token own, fed by their events (Features/MasterData).
        options.Schema.For<FulfillmentGroup>().DocumentAlias("fulfillment_group_projection");
        options.Schema.For<AcceptedTender>().DocumentAlias("tender_type_projection");
        options.Schema.For<InvoiceReceipt>();
        // INV-4: two runs' allocations of one order arrive at once: the second write fails and its message is retried.
        options.Schema.For<Features.Allocation.OrderAllocation>().UseOptimisticConcurrency(true);
        options.Schema.For<CancellationReceipt>();
        options.Schema.For<LineCancellationReceipt>();
        options.Schema.For<CancellationQuote>();
        options.Schema.For<ReceivedWebhook>();
        // ECM: each e-commerce order is a stream of its own ("ECM-{storefront}-{number}"), its state kept inline for the work queue.
        options.Projections.Snapshot<EcommerceOrder>(SnapshotLifecycle.Inline);
        options.Schema.For<EcommerceOrder>().Index(o => o.Status).Index(o => o.StoreId).Index(o => o.ConfirmationNumber);
        options.Schema.For<StorefrontCustomerLink>();
        // PUP-9: the storefront notifications' delivery log (order.ready_for_pickup), read by the worker's job by what is due.
        options.Schema.For<OmniChannel.ServiceDefaults.Webhooks.WebhookDelivery>().Index(d => d.NextAttemptAt).Index(d => d.CreatedAt);
        options.Schema.For<ProductIdentifiers>().Identity(product => product.Sku).Index(p => p.Upc).Index(p => p.VendorPartNumber);
        options.Schema.For<TerminalTransaction>()
            .UniqueIndex(transaction => transaction.ConfirmationNumber)
            .Index(transaction => transaction.Status);

        // Every order is an event stream keyed by its confirmation number; its current state is kept inline.
        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Projections.Snapshot<CustomerOrder>(SnapshotLifecycle.Inline);
        // ORD-10: an asynchronous cancellation is a stream of its own ("{cn}.async-cancellation"), its state kept inline for the job and the queue.
        options.Projections.Snapshot<AsyncCancellation>(SnapshotLifecycle.Inline);
        options.Schema.For<AsyncCancellation>().Index(c => c.Status).Index(c => c.NextAttemptAt);

        // ORD-6: the orders' summaries that recall searches, kept inline from the streams and the stored transactions.
        OrderSummaryStorage.Configure(options);
        options.Projections.Add(new OrderSummaryProjection(options), ProjectionLifecycle.Inline);
        options.Listeners.Add(new PendingOrderSummaries());
    }
}
