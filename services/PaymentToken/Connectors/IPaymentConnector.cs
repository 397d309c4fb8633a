
namespace OmniChannel.PaymentToken.Connectors;

/// <summary>
/// PAY-1: a payment connector, bound to one merchant account of one processor. Card present connectors serve store
/// terminals; card not present connectors serve the storefront and the call center. Whatever a connector authorized
/// is captured, voided and refunded through that same connector (same merchant): tokens mean nothing elsewhere.
/// Every money-moving call carries an idempotency key: asked again with it, the processor answers as the first time.
/// </summary>
public interface IPaymentConnector
{
    string ConnectorId { get; }

    string MerchantId { get; }

    bool CardPresent { get; }

    Task<ProcessorResult> VerifyAsync(string cardToken, CancellationToken ct);

    /// <param name="storedCredential">true for a merchant-initiated charge on a stored card token (re-authorization).</param>
    Task<ProcessorResult> AuthorizeAsync(string key, string cardToken, decimal amount, string currency, bool storedCredential, CancellationToken ct);

    Task<ProcessorResult> CaptureAsync(string key, string authorizationToken, decimal amount, CancellationToken ct);

    Task<ProcessorResult> VoidAsync(string key, string authorizationToken, CancellationToken ct);

    Task<ProcessorResult> RefundAsync(string key, string captureToken, decimal amount, CancellationToken ct);

    /// <summary>What the processor did under the keys that start with <paramref name="keyPrefix"/> (reconciliation).</summary>
    Task<IReadOnlyList<ProcessorOperation>> OperationsAsync(string keyPrefix, CancellationToken ct);
}

/// <summary>Finds the connector a tender line names (PAY-1).</summary>
public interface IConnectors
{
    IPaymentConnector For(string connectorId, string merchantId, bool cardPresent);
}
