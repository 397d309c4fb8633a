using OmniChannel.Pricing;
using OmniChannel.Pricing.Features.PriceCheck;
using OmniChannel.Pricing.Features.Products;
using OmniChannel.ServiceDefaults.Messaging;
using OmniChannel.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMartenStore("pricing", PricingStore.Configure);
builder.AddMessaging("pricing", bus => bus.AddConsumer<ProductRegisteredConsumer>());
builder.AddSampleData<PricingSampleData>("pricing-sample-data-v1", PricingSampleData.Load);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPriceCheck();
app.Run();
