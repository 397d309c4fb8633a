using OmniChannel.PaymentToken.Connectors;
using OmniChannel.PaymentToken.Features.Cancellation;
using OmniChannel.PaymentToken.Features.Captures;
using OmniChannel.PaymentToken.Features.Ledger;
using OmniChannel.PaymentToken.Features.Refunds;
using OmniChannel.PaymentToken.Features.Tenders;
using OmniChannel.PaymentToken.Features.TenderTypes;
using OmniChannel.PaymentToken.Features.Voids;
using OmniChannel.ProcessorEmulator;

namespace OmniChannel.Payment.Tests.Infrastructure;

/// <summary>
/// The Payment-Token service without HTTP and Marten: the emulator in process on an in-memory store, the in-memory
/// journal, and the same rules and plans the endpoints run, in the same order.
/// </summary>
public sealed class Shop
{
    public const string Merchant = "OMNI-US-001";

    public static readonly TenderType Card = new("CARD", "Card",
        [new CardType("VISA", "Visa"), new CardType("MC", "Mastercard"), new CardType("AMEX", "American Express"), new CardType("DISC", "Discover")],
        [new Connector("TestConnector.CardPresent", Merchant, true), new Connector("TestConnector.CardNotPresent", Merchant, false)]);

    public Shop()
    {
        Processor = new Emulator(Store, Clock, new ProcessorOptions());
        Connectors = new InProcessConnectors(Processor);
    }

    public TestClock Clock { get; } = new();

    public InMemoryProcessorStore Store { get; } = new();

    public Emulator Processor { get; }

    public IConnectors Connectors { get; }

    public InMemoryEventStore Journal { get; } = new();

    public PaymentEngine Engine => new(Journal.Journal(), Connectors, Clock);

    public OrderPayments Payments(Guid orderId) => Journal.State(orderId)!;

    public async Task<string> TokenizeAsync(string cardNumber)
    {
        var result = await Processor.TokenizeAsync(Merchant, cardNumber, default);
        Assert.True(result.Approved, result.Reason);
        return result.Token!;
    }

    public static AddTenderRequest Tender(string channel, string cardToken, decimal amount, decimal capture = 0m, string? purpose = null,
        string cardType = "VISA", bool? prepayment = null, string currency = "USD") =>
        new("HOU-TEST-0001", "HOUSTON", channel, "CARD", cardType, cardToken, amount, currency, capture, purpose, prepayment);

    /// <summary>What POST .../tenders does: validate, verify the card, decide, authorize and capture.</summary>
    public async Task<(OrderPayments Payments, RequestCompleted Done)> AddTenderAsync(Guid orderId, string key, AddTenderRequest request)
    {
        var (tender, refusal) = request.Validate(Card);
        Assert.Null(refusal);
        var card = tender!.Tender;
        var verification = await Connectors.For(card.ConnectorId, card.MerchantId, card.CardPresent).VerifyAsync(card.CardToken, default);
        var decision = TenderRules.Decide(tender, verification);
        var payments = await Engine.RunAsync(orderId, new LedgerOpening(request.ConfirmationNumber, request.Currency!), (s, now) => TenderPlan.Next(s, tender, decision, key, key, now), default);
        return (payments, payments.Completed(key)!);
    }

    public async Task<FulfillmentCaptureResult> CaptureAsync(Guid orderId, string key, decimal amount, TenderPurpose purpose = TenderPurpose.Pickup)
    {
        var request = new CaptureRequest(key, key, purpose, amount);
        var payments = await Engine.RunAsync(orderId, null, (s, now) => CapturePlan.Next(s, request, now), default);
        return FulfillmentCaptureResult.Of(payments, payments.Completed(key)!);
    }

    public async Task<RefundResult> RefundAsync(Guid orderId, string key, decimal amount, string? captureToken = null)
    {
        var request = new RefundRequest(key, key, amount, captureToken);
        var payments = await Engine.RunAsync(orderId, null, (s, now) => RefundPlan.Next(s, request, now), default);
        return RefundResult.Of(payments, payments.Completed(key)!);
    }

    public Task<OrderPayments> VoidAsync(Guid orderId, string key, int? tenderLineId = null) =>
        Engine.RunAsync(orderId, null, (s, now) => VoidPlan.Next(s, new VoidRequest(key, key, tenderLineId), now), default);

    public Task<OrderPayments> CancelAsync(Guid orderId, string key, decimal charge) =>
        Engine.RunAsync(orderId, null, (s, now) => CancellationPlan.Next(s, key, key, charge, now), default);

    /// <summary>The ledger against the processor's own record: what GET .../reconciliation answers.</summary>
    public async Task AssertReconcilesAsync(Guid orderId)
    {
        var view = await GetReconciliation.ReconcileAsync(Payments(orderId), Connectors, default);
        Assert.True(view.Reconciles, string.Join("\n", view.Differences));
        Assert.Equal(view.Processor.Captured, view.Ledger.Captured);
        Assert.Equal(view.Processor.Refunded, view.Ledger.Refunded);
        Assert.Equal(view.Processor.Authorized, view.Ledger.Authorized);
    }
}
