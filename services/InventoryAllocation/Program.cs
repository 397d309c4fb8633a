using OmniChannel.Contracts.Inventory;
using OmniChannel.InventoryAllocation;
using OmniChannel.InventoryAllocation.Features.Allocation;
using OmniChannel.InventoryAllocation.Features.FulfillmentFlags;
using OmniChannel.InventoryAllocation.Features.Locations;
using OmniChannel.InventoryAllocation.Features.Products;
using OmniChannel.InventoryAllocation.Features.Reservations;
using OmniChannel.InventoryAllocation.Features.Stock;
using OmniChannel.InventoryAllocation.Features.StorefrontPush;
using OmniChannel.InventoryAllocation.Features.Transfers;
using OmniChannel.InventoryAllocation.Features.Waybills;
using OmniChannel.ServiceDefaults.Messaging;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformSecurity(); // every route needs a bearer token; each names who may call it (PlatformPolicies)
builder.AddMartenStore("inventory", InventoryStore.Configure);
builder.AddMessaging("inventory", bus =>
{
    bus.AddConsumer<ReserveStockConsumer>();
    bus.AddConsumer<ReleaseStockConsumer>();
    bus.AddConsumer<IssueReservedStockConsumer>();
    bus.AddConsumer<ReleaseStockLinesConsumer>();
    bus.AddConsumer<PublishFulfillmentGroupsConsumer>();
});
builder.AddStorefrontPush(); // INV-2: status flags pushed to each storefront on a schedule, signed
builder.AddSampleData<InventorySampleData>("inventory-sample-data-v1", InventorySampleData.Load);
builder.PublishCurrentStateOnStart<FulfillmentGroup, FulfillmentGroupChanged>(group => group.Changed());

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapProducts();
app.MapLocations();
app.MapStock();
app.MapSetStock();
app.MapStockHistory();
app.MapIntegratedStock();
app.MapTransfers();
app.MapSkuStatus();
app.MapStorefrontPush();
app.MapOrderFulfillment();
app.MapWriteOffStock();
app.MapAllocationRuns();
app.MapWaybills();
app.Run();
