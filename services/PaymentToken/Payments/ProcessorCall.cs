namespace OmniChannel.PaymentToken.Payments;

public enum Channel { Store, Online, CallCenter }

/// <summary>Why money was taken: the deposit or a prepayment before fulfillment, or the goods at pickup or invoicing.</summary>
public enum TenderPurpose { Deposit, Prepayment, Pickup, Invoice }

public enum CallKind { Authorize, Reauthorize, Capture, Void, Refund }

/// <summary>
/// What a tender line is, fixed when it is added: PAY-2 tender and card type ids, and PAY-1 the connector and
/// merchant that authorized it, which every later capture, void and refund of the line goes through.
/// </summary>
public sealed record CardTender(
    Channel Channel,
    string? StoreId,
    string TenderTypeId,
    string CardTypeId,
    string ConnectorId,
    string MerchantId,
    bool CardPresent,
    string CardToken,
    bool Prepayment);

/// <summary>
/// One call to the processor, journaled in the order's stream before it is made (write-ahead), with the idempotency
/// key it is made with. If the service dies after the processor answered and before the answer was recorded, the
/// call is made again with the same key and the processor answers as it did the first time: never lost, never twice.
/// </summary>
/// <param name="Token">The card token (authorize, re-authorize), authorization token (capture, void) or capture token (refund).</param>
/// <param name="NewTender">For <see cref="CallKind.Authorize"/>: the tender line the authorization creates.</param>
/// <param name="Reauthorize">For a void or a lapse during a capture: the released amount is to be re-authorized (PAY-9).</param>
public sealed record ProcessorCall(
    string Key,
    CallKind Kind,
    string RequestKey,
    int TenderLineId,
    decimal Amount,
    string Token,
    TenderPurpose Purpose,
    CardTender? NewTender = null,
    bool Reauthorize = false);
