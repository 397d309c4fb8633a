using System.Security.Cryptography;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.ProcessorEmulator;

public sealed class ProcessorOptions
{
    /// <summary>How long an authorization holds the funds (card schemes allow about 7 days for most merchants).</summary>
    public TimeSpan AuthorizationLifetime { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>
/// Stands in for an acquirer (PAY-1): tokenizes test cards, and answers authorize, capture, void and refund by token,
/// each idempotent per (merchant, idempotency key). Card tokens and authorizations belong to the merchant that
/// received them. The card number is seen only by <see cref="TokenizeAsync"/> and never kept (PAY-12).
/// </summary>
public sealed class ProcessorEmulator(IProcessorStore store, TimeProvider clock, ProcessorOptions options)
{
    public Task<ProcessorResult> TokenizeAsync(string merchantId, string cardNumber, CancellationToken ct)
    {
        if (TestCards.Find(cardNumber) is not { } card)
            return Task.FromResult(ProcessorResult.Decline("card.number_unknown", "Only the emulator's test cards can be tokenized."));
        var token = NewToken(card.Behaviour.Recurring ? "ctk" : "otk");
        // The fingerprint and the answer are kept: neither holds the number.
        return store.RunOnceAsync(merchantId, $"tokenize:{token}", "tokenize", records =>
        {
            records.Put(token, new CardRecord(token, merchantId, card.CardTypeId, card.Number[^4..], card.Behaviour, clock.GetUtcNow()));
            return Task.FromResult(new ProcessorResult(true, token, RecurringToken: card.Behaviour.Recurring, CardTypeId: card.CardTypeId));
        }, ct);
    }

    /// <summary>A zero-amount account verification: is the card good, and can its token be stored for later charges?</summary>
    public async Task<ProcessorResult> VerifyAsync(string merchantId, string cardToken, CancellationToken ct)
    {
        var (behaviour, refusal) = await CardAsync(merchantId, cardToken, id => store.FindAsync<CardRecord>(id, ct));
        if (refusal is not null)
            return refusal;
        return behaviour!.DeclineCode is { } code
            ? ProcessorResult.Decline(code, $"The issuer declined the card ({behaviour.Name}).")
            : new ProcessorResult(true, cardToken, RecurringToken: behaviour.Recurring);
    }

    /// <param name="storedCredential">A merchant-initiated charge on a stored card token (re-authorization, PAY-9).</param>
    public Task<ProcessorResult> AuthorizeAsync(string merchantId, string key, string cardToken, decimal amount, string currency,
        bool cardPresent, bool storedCredential, CancellationToken ct) =>
        store.RunOnceAsync(merchantId, key, $"authorize|{cardToken}|{amount}|{currency}|{cardPresent}|{storedCredential}", async records =>
        {
            var (behaviour, refusal) = await CardAsync(merchantId, cardToken, records.GetAsync<CardRecord>);
            if (refusal is not null)
                return refusal;
            if (amount <= 0 || !CurrencyCode.IsValid(currency))
                return ProcessorResult.Decline("amount.invalid", "An authorization needs a positive amount and its ISO 4217 currency.");
            if (behaviour!.DeclineCode is { } code)
                return ProcessorResult.Decline(code, $"The issuer declined the authorization ({behaviour.Name}).");
            if (storedCredential && !behaviour.Recurring)
                return ProcessorResult.Decline("card.token_not_recurring", "This card token cannot be charged without the card.");
            if (amount > behaviour.FundsLimit)
                return ProcessorResult.Decline("card.insufficient_funds", "The issuer declined: insufficient funds.");

            var now = clock.GetUtcNow();
            var expiresAt = behaviour.AuthorizationExpiresAtOnce && !storedCredential ? now : now + options.AuthorizationLifetime;
            var token = NewToken("auth");
            records.Put(token, new AuthorizationRecord(token, merchantId, cardToken, amount, 0m, false, cardPresent, storedCredential,
                behaviour.CaptureFails, now, expiresAt));
            return new ProcessorResult(true, token, amount, expiresAt, behaviour.Recurring);
        }, ct);

    /// <summary>Captures part or all of what an authorization still holds; partial captures may follow one another.</summary>
    public Task<ProcessorResult> CaptureAsync(string merchantId, string key, string authorizationToken, decimal amount, CancellationToken ct) =>
        store.RunOnceAsync(merchantId, key, $"capture|{authorizationToken}|{amount}", async records =>
        {
            var (auth, refusal) = await AuthorizationAsync(records, merchantId, authorizationToken);
            if (refusal is not null)
                return refusal;
            if (amount <= 0 || amount > auth!.Remaining)
                return ProcessorResult.Decline("authorization.amount_exceeded", $"The authorization holds {auth!.Remaining:0.00}, not {amount:0.00}.");
            if (auth.CaptureFails)
                return ProcessorResult.Decline("capture.failed", "The processor could not capture against this authorization.");

            var token = NewToken("cap");
            records.Put(auth.Token, auth with { Captured = auth.Captured + amount });
            records.Put(token, new CaptureRecord(token, merchantId, auth.Token, amount, 0m, clock.GetUtcNow()));
            return new ProcessorResult(true, token, amount);
        }, ct);

    /// <summary>Releases what an authorization still holds.</summary>
    public Task<ProcessorResult> VoidAsync(string merchantId, string key, string authorizationToken, CancellationToken ct) =>
        store.RunOnceAsync(merchantId, key, $"void|{authorizationToken}", async records =>
        {
            var (auth, refusal) = await AuthorizationAsync(records, merchantId, authorizationToken);
            if (refusal is not null)
                return refusal;
            records.Put(auth!.Token, auth with { Voided = true });
            return new ProcessorResult(true, auth.Token, auth.Remaining);
        }, ct);

    /// <summary>Gives back part or all of a capture, referenced by its capture token (PAY-11).</summary>
    public Task<ProcessorResult> RefundAsync(string merchantId, string key, string captureToken, decimal amount, CancellationToken ct) =>
        store.RunOnceAsync(merchantId, key, $"refund|{captureToken}|{amount}", async records =>
        {
            var capture = await records.GetAsync<CaptureRecord>(captureToken);
            if (capture is null || capture.MerchantId != merchantId)
                return ProcessorResult.Decline("capture.unknown", "No such capture for this merchant.");
            if (amount <= 0 || amount > capture.Amount - capture.Refunded)
                return ProcessorResult.Decline("refund.amount_exceeded", $"{capture.Amount - capture.Refunded:0.00} of the capture is left to refund.");

            var token = NewToken("ref");
            records.Put(capture.Token, capture with { Refunded = capture.Refunded + amount });
            return new ProcessorResult(true, token, amount);
        }, ct);

    public Task<T?> FindAsync<T>(string token, CancellationToken ct) where T : class => store.FindAsync<T>(token, ct);

    public Task<IReadOnlyList<ProcessorOperation>> OperationsAsync(string merchantId, string keyPrefix, CancellationToken ct) =>
        store.OperationsAsync(merchantId, keyPrefix, ct);

    /// <summary>Issued tokens belong to their merchant; any other token is one of the catalogue's well-known tokens.</summary>
    private static async Task<(CardBehaviour?, ProcessorResult?)> CardAsync(string merchantId, string cardToken,
        Func<string, Task<CardRecord?>> find)
    {
        if (!IsIssued(cardToken))
            return (TestCards.OfWellKnownToken(cardToken), null);
        var card = await find(cardToken);
        return card is null || card.MerchantId != merchantId
            ? (null, ProcessorResult.Decline("card.token_unknown", "This card token was not issued to this merchant."))
            : (card.Behaviour, null);
    }

    private async Task<(AuthorizationRecord?, ProcessorResult?)> AuthorizationAsync(IProcessorRecords records, string merchantId, string token)
    {
        var auth = await records.GetAsync<AuthorizationRecord>(token);
        if (auth is null || auth.MerchantId != merchantId)
            return (null, ProcessorResult.Decline("authorization.unknown", "No such authorization for this merchant."));
        if (auth.Voided)
            return (null, ProcessorResult.Decline("authorization.voided", "The authorization was voided."));
        if (clock.GetUtcNow() >= auth.ExpiresAt)
            return (null, ProcessorResult.Decline("authorization.expired", "The authorization has expired."));
        return (auth, null);
    }

    private static bool IsIssued(string token) => token.StartsWith("ctk_", StringComparison.Ordinal) || token.StartsWith("otk_", StringComparison.Ordinal);

    private static string NewToken(string kind) => $"{kind}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";
}
