using OmniChannel.PaymentToken;
using OmniChannel.PaymentToken.Features.TenderTypes;
using OmniChannel.ServiceDefaults.Messaging;
using OmniChannel.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMartenStore("payment", options => options.Schema.For<TenderType>().Identity(t => t.TenderTypeId));
builder.AddMessaging("payment");
builder.AddSampleData<PaymentSampleData>("payment-sample-data-v1", PaymentSampleData.Load);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapTenderTypes();
app.Run();
