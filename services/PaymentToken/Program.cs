using OmniChannel.PaymentToken;
using OmniChannel.PaymentToken.Features.Deposits;
using OmniChannel.PaymentToken.Features.TenderTypes;
using OmniChannel.ServiceDefaults.Messaging;
using OmniChannel.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMartenStore("payment", options =>
{
    options.Schema.For<TenderType>().Identity(t => t.TenderTypeId);
    options.Schema.For<DepositPayment>();
});
builder.AddMessaging("payment", bus =>
{
    bus.AddConsumer<CaptureDepositConsumer>();
    bus.AddConsumer<RefundDepositConsumer>();
});
builder.AddSampleData<PaymentSampleData>("payment-sample-data-v1", PaymentSampleData.Load);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapTenderTypes();
app.MapDeposits();
app.Run();
