using OmniChannel.PaymentToken.Processor;

namespace OmniChannel.PaymentToken.Connectors;

/// <summary>The test connectors (<c>TestConnector.CardPresent</c>, <c>TestConnector.CardNotPresent</c>) over the processor emulator.</summary>
public sealed class EmulatorConnector(string connectorId, string merchantId, bool cardPresent, ProcessorEmulator processor) : IPaymentConnector
{
    public string ConnectorId => connectorId;

    public string MerchantId => merchantId;

    public bool CardPresent => cardPresent;

    public Task<ProcessorResult> VerifyAsync(string cardToken, CancellationToken ct) => processor.VerifyAsync(merchantId, cardToken, ct);

    public Task<ProcessorResult> AuthorizeAsync(string key, string cardToken, decimal amount, string currency, bool storedCredential, CancellationToken ct) =>
        processor.AuthorizeAsync(merchantId, key, cardToken, amount, currency, cardPresent, storedCredential, ct);

    public Task<ProcessorResult> CaptureAsync(string key, string authorizationToken, decimal amount, CancellationToken ct) =>
        processor.CaptureAsync(merchantId, key, authorizationToken, amount, ct);

    public Task<ProcessorResult> VoidAsync(string key, string authorizationToken, CancellationToken ct) =>
        processor.VoidAsync(merchantId, key, authorizationToken, ct);

    public Task<ProcessorResult> RefundAsync(string key, string captureToken, decimal amount, CancellationToken ct) =>
        processor.RefundAsync(merchantId, key, captureToken, amount, ct);

    public Task<IReadOnlyList<ProcessorOperation>> OperationsAsync(string keyPrefix, CancellationToken ct) =>
        processor.OperationsAsync(merchantId, keyPrefix, ct);
}

/// <summary>Every connector of this platform is served by the emulator; a real acquirer's would be chosen here by id.</summary>
public sealed class EmulatorConnectors(ProcessorEmulator processor) : IConnectors
{
    public IPaymentConnector For(string connectorId, string merchantId, bool cardPresent) =>
        new EmulatorConnector(connectorId, merchantId, cardPresent, processor);
}
