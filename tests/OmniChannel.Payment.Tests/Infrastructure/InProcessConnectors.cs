using Emulated = OmniChannel.ProcessorEmulator.ProcessorResult;

namespace OmniChannel.Payment.Tests.Infrastructure;

/// <summary>
/// The connectors on the emulator in process, so the payment engine's rules run in milliseconds. The service reaches
/// the emulator over HTTP (HttpConnector); tests/OmniChannel.ProcessorEmulator.Tests show it answers the same there.
/// </summary>
public sealed class InProcessConnectors(Emulator processor) : IConnectors
{
    public IPaymentConnector For(string connectorId, string merchantId, bool cardPresent) => new Connector(connectorId, merchantId, cardPresent, processor);

    private static ProcessorResult Result(Emulated result) =>
        new(result.Approved, result.Token, result.Amount, result.ExpiresAt, result.RecurringToken, result.Code, result.Reason);

    private sealed class Connector(string connectorId, string merchantId, bool cardPresent, Emulator processor) : IPaymentConnector
    {
        public string ConnectorId => connectorId;

        public string MerchantId => merchantId;

        public bool CardPresent => cardPresent;

        public async Task<ProcessorResult> VerifyAsync(string cardToken, CancellationToken ct) =>
            Result(await processor.VerifyAsync(merchantId, cardToken, ct));

        public async Task<ProcessorResult> AuthorizeAsync(string key, string cardToken, decimal amount, string currency, bool storedCredential,
            CancellationToken ct) =>
            Result(await processor.AuthorizeAsync(merchantId, key, cardToken, amount, currency, cardPresent, storedCredential, ct));

        public async Task<ProcessorResult> CaptureAsync(string key, string authorizationToken, decimal amount, CancellationToken ct) =>
            Result(await processor.CaptureAsync(merchantId, key, authorizationToken, amount, ct));

        public async Task<ProcessorResult> VoidAsync(string key, string authorizationToken, CancellationToken ct) =>
            Result(await processor.VoidAsync(merchantId, key, authorizationToken, ct));

        public async Task<ProcessorResult> RefundAsync(string key, string captureToken, decimal amount, CancellationToken ct) =>
            Result(await processor.RefundAsync(merchantId, key, captureToken, amount, ct));

        public async Task<IReadOnlyList<ProcessorOperation>> OperationsAsync(string keyPrefix, CancellationToken ct) =>
            (await processor.OperationsAsync(merchantId, keyPrefix, ct)).Select(o => new ProcessorOperation(o.Key, o.Kind, Result(o.Answer))).ToList();
    }
}
