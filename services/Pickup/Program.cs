using OmniChannel.Pickup;
using OmniChannel.Pickup.Features.Cancellations;
using OmniChannel.Pickup.Features.Completion;
using OmniChannel.Pickup.Features.Expiry;
using OmniChannel.Pickup.Features.NotPossible;
using OmniChannel.Pickup.Features.PickupRequests;
using OmniChannel.Pickup.Features.Printing;
using OmniChannel.Pickup.Features.Products;
using OmniChannel.Pickup.Features.Receiving;
using OmniChannel.ServiceDefaults.Messaging;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformSecurity(); // every route needs a bearer token; each names who may call it (PlatformPolicies)
builder.AddMartenStore("pickup", PickupStore.Configure);
builder.AddMessaging("pickup", bus =>
{
    bus.AddConsumer<RequestPickupConsumer>();
    bus.AddConsumer<PickupPaymentAnsweredConsumer>();
    bus.AddConsumer<CancelPickupConsumer>();
    bus.AddConsumer<CancelPickupLinesConsumer>();
    bus.AddConsumer<ProductRegisteredConsumer>();
});
builder.AddSampleData<PickupSampleData>("pickup-sample-data-v2", PickupSampleData.Load);
builder.AddReceiptPrinting();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPickupRequests();
app.MapCompletePickup();
app.MapCancelAfterReceive();
app.MapNotPossible();
app.MapExpiryReport();
app.MapReceivePickup();
app.MapPickupHistory();
app.MapPrinting();
app.Run();
