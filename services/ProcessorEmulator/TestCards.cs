namespace OmniChannel.ProcessorEmulator;

/// <summary>How a test card answers the processor emulator (see README.md for the catalogue).</summary>
public sealed record CardBehaviour(
    string Name,
    string? DeclineCode = null,
    decimal? FundsLimit = null,
    bool Recurring = true,
    bool AuthorizationExpiresAtOnce = false,
    bool CaptureFails = false)
{
    public static readonly CardBehaviour Approve = new("approve");
    public static readonly CardBehaviour Decline = new("decline", DeclineCode: "card.declined");
    public static readonly CardBehaviour InsufficientFunds = new("insufficient-funds", FundsLimit: 100.00m);
    public static readonly CardBehaviour NoRecurringToken = new("no-recurring-token", Recurring: false);
    public static readonly CardBehaviour ExpiresAtOnce = new("authorization-expires-at-once", AuthorizationExpiresAtOnce: true);
    public static readonly CardBehaviour ExpiresAtOnceNoRecurringToken =
        new("authorization-expires-at-once-no-recurring-token", Recurring: false, AuthorizationExpiresAtOnce: true);
    public static readonly CardBehaviour CaptureFailure = new("capture-fails", CaptureFails: true);
}

/// <summary>A test card number the emulator tokenizes. The number lives only here and in the emulator's memory (PAY-12).</summary>
public sealed record TestCard(string Number, string CardTypeId, CardBehaviour Behaviour);

/// <summary>
/// The emulator's catalogue: test card numbers (tokenized through the emulator's own endpoint) and well-known card
/// tokens a terminal or a test may send as they are. Any other token is approved, as the skeleton's connector did.
/// </summary>
public static class TestCards
{
    public static readonly IReadOnlyList<TestCard> Cards =
    [
        new("4111111111111111", "VISA", CardBehaviour.Approve),
        new("5555555555554444", "MC", CardBehaviour.Approve),
        new("378282246310005", "AMEX", CardBehaviour.Approve),
        new("6011111111111117", "DISC", CardBehaviour.Approve),
        new("4000000000000002", "VISA", CardBehaviour.Decline),
        new("4000000000009995", "VISA", CardBehaviour.InsufficientFunds),
        new("4000000000003220", "VISA", CardBehaviour.NoRecurringToken),
        new("5200828282828210", "MC", CardBehaviour.NoRecurringToken),
        new("4000000000000069", "VISA", CardBehaviour.ExpiresAtOnce),
        new("4000000000000119", "VISA", CardBehaviour.CaptureFailure),
    ];

    /// <summary>Well-known tokens by prefix, most specific first.</summary>
    public static readonly IReadOnlyList<(string Prefix, CardBehaviour Behaviour)> TokenPrefixes =
    [
        ("decline", CardBehaviour.Decline),
        ("tok_nsf", CardBehaviour.InsufficientFunds),
        ("tok_norecur", CardBehaviour.NoRecurringToken),
        ("tok_expire_norecur", CardBehaviour.ExpiresAtOnceNoRecurringToken),
        ("tok_expire", CardBehaviour.ExpiresAtOnce),
        ("tok_capfail", CardBehaviour.CaptureFailure),
    ];

    public static TestCard? Find(string cardNumber)
    {
        var digits = new string(cardNumber.Where(char.IsAsciiDigit).ToArray());
        return Cards.FirstOrDefault(card => card.Number == digits);
    }

    public static CardBehaviour OfWellKnownToken(string token) =>
        TokenPrefixes.FirstOrDefault(p => token.StartsWith(p.Prefix, StringComparison.OrdinalIgnoreCase)).Behaviour ?? CardBehaviour.Approve;
}
