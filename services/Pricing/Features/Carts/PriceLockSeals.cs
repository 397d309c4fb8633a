using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OmniChannel.Pricing.Engine.Model;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Features.Carts;

public sealed class PriceLockOptions
{
    public const string Section = "Pricing";

    /// <summary>
    /// The key that signs price locks, at least 32 characters; every replica of Pricing needs the same one (AppHost
    /// generates one for the run). Without it a replica signs with a key of its own, and locks die with the process.
    /// </summary>
    public string? PriceLockKey { get; set; }
}

/// <summary>
/// Carts are stateless: the terminal holds its locked lines (PRC-14) and sends them back with every request. A lock is
/// Pricing's word on a price, so it is signed when issued (HMAC-SHA256 over the store, the SKU and the lock's every
/// value, amounts normalised so a client's JSON round trip keeps it valid) and checked when it comes back: a forged lock
/// (a unit price of 0.01, a 90 % manual discount beyond the cashier's cap) is refused with <c>price_lock.invalid</c>.
/// No library signs an arbitrary record for us short of Data Protection, whose key ring would need a store shared by the
/// replicas; a key from configuration is that shared secret.
/// </summary>
public sealed class PriceLockSeals
{
    private readonly byte[] key;

    public PriceLockSeals(IOptions<PriceLockOptions> options, ILogger<PriceLockSeals> logger)
    {
        if (options.Value.PriceLockKey is { Length: > 0 } configured)
        {
            key = Encoding.UTF8.GetBytes(configured);
            if (key.Length < 32)
                throw new InvalidOperationException("Pricing:PriceLockKey must be at least 32 characters.");
        }
        else
        {
            key = RandomNumberGenerator.GetBytes(32);
            logger.LogWarning("Pricing:PriceLockKey is not set: price locks are signed with a key of this process only.");
        }
    }

    /// <summary>The cart with every lock of its lines signed, as the terminal receives it.</summary>
    public Cart Seal(Cart cart) => cart with
    {
        Lines = (cart.Lines ?? []).Select(l => l.PriceLock is { } priceLock ? l with { PriceLock = priceLock with { Seal = Sign(cart.StoreId, l.Sku, priceLock) } } : l)
            .ToList(),
    };

    /// <summary>A priced cart whose lines' locks (what each line would be locked at) are signed, as gRPC callers receive it.</summary>
    public PricedCart Seal(PricedCart priced) => priced with
    {
        Lines = priced.Lines.Select(l => l with { Lock = l.Lock with { Seal = Sign(priced.StoreId, l.Sku, l.Lock) } }).ToList(),
    };

    /// <summary>The first line whose lock Pricing did not issue as it is now; null when every lock is Pricing's.</summary>
    public Refusal? Check(Cart cart)
    {
        foreach (var line in cart.Lines ?? [])
            if (line?.PriceLock is { } priceLock
                && (priceLock.Seal is not { } seal || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(seal),
                    Encoding.ASCII.GetBytes(Sign(cart.StoreId, line.Sku, priceLock)))))
                return Refusal.Invalid("price_lock.invalid",
                    $"Line '{line.LineId}': its price lock was not issued by Pricing for this store and SKU, or was changed since. " +
                    "Send locks back as POST /api/pricing/carts/lock returned them, or recalculate the cart.");
        return null;
    }

    private string Sign(string? storeId, string? sku, PriceLock priceLock)
    {
        var text = new StringBuilder()
            .Append(storeId).Append('\u001f').Append(sku).Append('\u001f').Append(Amount(priceLock.UnitPrice)).Append('\u001f')
            .Append(priceLock.Quantity.ToString(CultureInfo.InvariantCulture)).Append('\u001f')
            .Append(priceLock.Source?.Kind).Append('\u001f').Append(priceLock.Source?.PriceGroup).Append('\u001f')
            .Append(priceLock.Source?.TradeAgreementId);
        foreach (var d in priceLock.Discounts ?? [])
            text.Append('\u001e').Append(d?.DiscountId).Append('\u001f').Append(d?.Name).Append('\u001f').Append(Amount(d?.Amount)).Append('\u001f')
                .Append(d?.Type).Append('\u001f').Append(d?.Mode).Append('\u001f').Append(d?.Priority).Append('\u001f')
                .Append(d?.CouponCode).Append('\u001f').Append(Amount(d?.Percent));
        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>10.00 and 10 are one amount: a client that parses and writes JSON again may drop the trailing zeros.</summary>
    private static string Amount(decimal? value) => value?.ToString("G29", CultureInfo.InvariantCulture) ?? "";
}
