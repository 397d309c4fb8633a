namespace OmniChannel.PaymentToken.Features.Deposits;

public sealed record ConnectorAnswer(bool Approved, string? AuthorizationToken, string? CaptureToken, string? DeclineCode, string? DeclineReason);

/// <summary>
/// The card-present test connector that stands in for an acquirer until the processor emulator arrives (PAY-1):
/// a card token starting with <c>decline</c> is declined; any other is authorized and captured. Tokens it returns
/// are derived from the order, so asking twice for the same order gives the same answer.
/// </summary>
public static class TestCardConnector
{
    public const string ConnectorId = "TestConnector.CardPresent";

    public static ConnectorAnswer AuthorizeAndCapture(Guid orderId, string cardToken, decimal amount)
    {
        if (cardToken.StartsWith("decline", StringComparison.OrdinalIgnoreCase))
            return new(false, null, null, "card.declined", "The card issuer declined the deposit.");
        if (amount <= 0)
            return new(false, null, null, "amount.invalid", "A deposit must be more than zero.");
        return new(true, $"auth_{orderId:N}", $"cap_{orderId:N}", null, null);
    }
}
