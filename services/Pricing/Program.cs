using OmniChannel.Pricing;
using OmniChannel.Pricing.Features.Carts;
using OmniChannel.Pricing.Features.Discounts;
using OmniChannel.Pricing.Features.Grpc;
using OmniChannel.Pricing.Features.MasterData;
using OmniChannel.Pricing.Features.PriceCheck;
using OmniChannel.Pricing.Features.Products;
using OmniChannel.ServiceDefaults.Messaging;
using OmniChannel.ServiceDefaults.Persistence;
using OmniChannel.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformSecurity(); // every route needs a bearer token; each names who may call it (PlatformPolicies)
builder.AddMartenStore("pricing", PricingStore.Configure);
builder.AddMessaging("pricing", bus => bus.AddConsumer<ProductRegisteredConsumer>());
builder.AddSampleData<PricingSampleData>("pricing-sample-data-v1", PricingSampleData.Load);
builder.AddSampleData<PricingMasterDataSample>(PricingMasterDataSample.Version, PricingMasterDataSample.Load);

builder.Services.AddSingleton<PriceBookProvider>();
builder.Services.AddScoped<CartPricer>();
builder.Services.Configure<PriceLockOptions>(builder.Configuration.GetSection(PriceLockOptions.Section));
builder.Services.AddSingleton<PriceLockSeals>();
// gRPC for the Order service, on an HTTP/2-only endpoint of its own (appsettings.json, Kestrel:Endpoints:grpc).
builder.Services.AddGrpc();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPriceCheck();
app.MapPriceCart();
app.MapPriceOverride();
app.MapLineDiscount();
app.MapTotalDiscount();
app.MapSystemDiscounts();
app.MapCoupons();
app.MapPriceLocks();
app.MapAllDiscounts();
app.MapAvailableDiscounts();
app.MapDiscountDefinitions();
app.MapGrpcService<PricingGrpcService>().RequireAuthorization(PlatformPolicies.Service); // the Order service's calls
app.Run();
