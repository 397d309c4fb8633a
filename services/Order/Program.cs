using OmniChannel.Order;
using OmniChannel.Order.Features.Customers;
using OmniChannel.Order.Features.GetOrder;
using OmniChannel.ServiceDefaults.Messaging;
using OmniChannel.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMartenStore("orders", OrderStore.Configure);
builder.AddMessaging("order");
builder.AddSampleData<OrderSampleData>("order-sample-data-v1", OrderSampleData.Load);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapCustomers();
app.MapGetOrder();
app.Run();
