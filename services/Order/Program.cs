using OmniChannel.Contracts.Pricing;
using OmniChannel.Order;
using OmniChannel.Order.Features.AsyncCancellations;
using OmniChannel.Order.Features.CancelOrder;
using OmniChannel.Order.Features.CardTenders;
using OmniChannel.Order.Features.CreateOrder;
using OmniChannel.Order.Features.EcommerceOrders;
using OmniChannel.Order.Features.FulfillmentPayments;
using OmniChannel.Order.Features.GetOrder;
using OmniChannel.Order.Features.Invoicing;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Features.Operations;
using OmniChannel.Order.Features.OperatorQueues;
using OmniChannel.Order.Features.OrderSaga;
using OmniChannel.Order.Features.PaymentMethods;
using OmniChannel.Order.Features.Reconciliation;
using OmniChannel.Order.Features.RecallOrders;
using OmniChannel.Order.Features.StorefrontWebhooks;
using OmniChannel.ServiceDefaults.Failures;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Messaging;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformSecurity(); // every route needs a bearer token; each names who may call it (PlatformPolicies)
builder.AddMartenStore("orders", OrderStore.Configure);
// AppHost runs the API and the worker as two processes (OrderRole); on its own the service runs both.
var role = OrderRoles.Of(builder.Configuration);
builder.AddMessaging("order", bus =>
{
    if (!role.RunsSaga())
        return; // the API only publishes (outbox); it consumes nothing
    bus.AddConsumer<ProductRegisteredConsumer>();
    bus.AddConsumer<FulfillmentGroupChangedConsumer>();
    bus.AddConsumer<TenderTypeChangedConsumer>();
    bus.AddConsumer<StorefrontWebhookConsumer>();
    bus.AddConsumer<OnlineSaleRejectedConsumer>();
    bus.AddConsumer<OnlineSaleCompletedConsumer>(); // PUP-9
    bus.AddConsumer<PickupReadyForCollectionConsumer>();
    bus.AddConsumer<PickupCancelledAtCounterConsumer>();
    bus.AddConsumer<PickupEndedAtStoreConsumer>();
    bus.AddConsumer<OmniChannel.Order.Features.Allocation.StockAllocatedConsumer>();
    bus.AddConsumer<OmniChannel.Order.Features.Allocation.ShipmentLeftConsumer>();
    bus.AddSagaStateMachine<OrderStateMachine, OrderState>(typeof(OrderStateDefinition)).MartenRepository();
});
builder.Services.AddScoped<IOrderStream, MartenOrderStream>();
builder.Services.AddScoped<IOrderPricing, GrpcOrderPricing>();
// Pricing's gRPC endpoint, found by service discovery (services__pricing__grpc__0, set by AppHost), called with a token
// of this service's own client.
builder.Services.AddGrpcClient<PricingService.PricingServiceClient>(options => options.Address = new Uri("http://_grpc.pricing"))
    .AddServiceToken();
// The Payment service's internal tender route (a card taken at the counter), found by service discovery, with this
// service's own token.
builder.Services.AddHttpClient<PaymentTenders>(http => http.BaseAddress = new Uri("http://payment")).AddServiceToken();
builder.Services.AddHttpClient<PaymentRecords>(http => http.BaseAddress = new Uri("http://payment")).AddServiceToken();
builder.AddSampleData<OrderSampleData>("order-sample-data-v5", OrderSampleData.Load);

builder.Services.Configure<OrderCreationOptions>(builder.Configuration.GetSection("OrderCreation"));
builder.Services.AddSingleton<OrderCreator>();
builder.Services.AddSingleton<ReferenceData>();
builder.Services.AddSingleton<RealTimeDrill>();
builder.Services.AddSingleton<RealTimeOrderCreation>();
builder.Services.AddSingleton<EcommerceSale>();
builder.Services.AddScoped<EcommerceWork>();
builder.Services.Configure<StorefrontWebhookOptions>(builder.Configuration);
builder.Services.AddStorefrontNotifications(builder.Configuration); // PUP-9: order.ready_for_pickup to the storefront
builder.Services.Configure<AsyncCancellationOptions>(builder.Configuration.GetSection(AsyncCancellationOptions.Section));
if (role.ServesApi())
{
    builder.Services.AddHostedService(services => services.GetRequiredService<RealTimeOrderCreation>());
    builder.Services.AddSingleton<ReferenceProjectionsReady>();
    builder.Services.AddHealthChecks().AddCheck<ReferenceProjectionsReady>("reference-projections", tags: [ServiceDefaultsExtensions.ReadyTag]);
}
if (role.RunsSaga())
{
    builder.Services.AddHostedService<AskOwnersOnStart>();
    builder.Services.AddSingleton<OrderSyncJob>();
    builder.Services.AddHostedService(services => services.GetRequiredService<OrderSyncJob>());
    builder.Services.AddSingleton<AsyncCancellationJob>();
    builder.Services.AddHostedService(services => services.GetRequiredService<AsyncCancellationJob>());
    builder.Services.AddHealthChecks().AddCheck<AsyncCancellationHealth>("async-cancellations", tags: [ServiceDefaultsExtensions.ReadyTag]);
    builder.Services.AddHostedService<EcommerceQueueJob>();
    builder.Services.AddHostedService<StorefrontNotificationJob>();
    // Issue 13: the operators' queues (overdue transactions, permanent failures, error queues), sampled for gauges and health.
    builder.Services.Configure<OperatorQueueOptions>(builder.Configuration.GetSection(OperatorQueueOptions.Section));
    builder.Services.AddSingleton<ErrorQueues>();
    builder.Services.AddSingleton<OperatorQueueMonitor>();
    builder.Services.AddHostedService(services => services.GetRequiredService<OperatorQueueMonitor>());
    builder.Services.AddHealthChecks().AddCheck<OperatorQueueHealth>("operator-queues", tags: [ServiceDefaultsExtensions.ReadyTag]);
}

var app = builder.Build();
app.MapDefaultEndpoints();
var operations = app.MapOperatorActions();
if (role.RunsSaga())
{
    operations.MapOrderSyncNow();
    operations.MapAsyncCancellationRunNow();
    // The operators' dashboard commands live on the worker's resource (the order API's menu keeps the drill alone).
    operations.MapAsyncCancellationQueue();
    operations.MapReconcileAll();
    operations.MapOperatorQueues();
    operations.MapPermanentFailures();
    OperatorQueueMetrics.Observe(app.Services.GetRequiredService<OperatorQueueMonitor>());
}
if (!role.ServesApi())
{
    app.Run();
    return;
}

app.MapMasterData();
app.MapCreateOrder();
app.MapGetOrder();
app.MapSearchOrders();
app.MapInvoices();
app.MapCancelOrder();
app.MapLineCancellations();
app.MapCancellationQuotes();
app.MapForceCompletion();
app.MapRetryPayment();
app.MapAddCardTender();
app.MapOrderPaymentMethods();
app.MapOrderReconciliation();
app.MapStorefrontWebhooks();
app.MapEcommerceWorkQueue();
app.MapEcommerceActions();
operations.MapRealTimeDrill();
app.Run();
