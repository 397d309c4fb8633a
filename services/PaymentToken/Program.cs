using OmniChannel.Contracts.Payment;
using OmniChannel.PaymentToken;
using OmniChannel.PaymentToken.Connectors;
using OmniChannel.PaymentToken.Features.Cancellation;
using OmniChannel.PaymentToken.Features.Captures;
using OmniChannel.PaymentToken.Features.Deposits;
using OmniChannel.PaymentToken.Features.Ledger;
using OmniChannel.PaymentToken.Features.PaymentMethods;
using OmniChannel.PaymentToken.Features.Recovery;
using OmniChannel.PaymentToken.Features.Refunds;
using OmniChannel.PaymentToken.Features.Tenders;
using OmniChannel.PaymentToken.Features.TenderTypes;
using OmniChannel.PaymentToken.Features.Voids;
using OmniChannel.ServiceDefaults.Failures;
using OmniChannel.ServiceDefaults.Http;
using OmniChannel.ServiceDefaults.Messaging;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformSecurity(); // every route needs a bearer token; each names who may call it (PlatformPolicies)
builder.AddMartenStore("payment", PaymentStore.Configure);
builder.AddMessaging("payment", bus =>
{
    bus.AddConsumer<CaptureDepositConsumer>();
    bus.AddConsumer<CaptureFulfillmentPaymentConsumer>();
    bus.AddConsumer<SettleCancelledOrderPaymentsConsumer>();
    bus.AddConsumer<ReleaseOrderAuthorizationsConsumer>();
    bus.AddConsumer<PublishTenderTypesConsumer>();
});
builder.AddSampleData<PaymentSampleData>("payment-sample-data-v1", PaymentSampleData.Load);
builder.PublishCurrentStateOnStart<TenderType, TenderTypeChanged>(tender => tender.Changed());

// The acquirer is another process (the processor emulator in development and tests), reached over HTTP.
builder.AddHttpConnectors();
builder.Services.AddSingleton(builder.Configuration.GetSection("Payments:Recovery").Get<RecoveryOptions>() ?? new RecoveryOptions());
builder.Services.AddHostedService<PendingCallRecovery>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapTenderTypes();
app.MapDeposits();
app.MapLedger();
app.MapReconciliation();
app.MapPaymentMethods();
app.MapAddTender();
// Issue 13: the payments' permanent failures (a processor holding another request under our key), for an operator.
app.MapOperatorActions().MapPermanentFailures();
app.Run();
