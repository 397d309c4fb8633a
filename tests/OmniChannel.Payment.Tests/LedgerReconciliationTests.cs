using OmniChannel.Payment.Tests.Infrastructure;

namespace OmniChannel.Payment.Tests;

/// <summary>
/// Money never appears or disappears: after any sequence of tenders, captures, refunds, voids, cancellations and
/// expiries, the order's authorized amount is captured + voided + expired + open, refunds never exceed captures, and
/// the ledger holds exactly what the processor did under the order's keys.
/// </summary>
public class LedgerReconciliationTests
{
    private static readonly string[] Cards = ["tok_visa_ok", "tok_mc_ok", "tok_norecur_1", "tok_expire_1", "tok_capfail_1", "tok_nsf_1", "decline_x"];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Any_sequence_of_payment_operations_reconciles_with_the_processor(int seed)
    {
        var random = new Random(seed);
        var shop = new Shop();
        var order = Guid.NewGuid();
        await shop.AddTenderAsync(order, "first", Shop.Tender("online", "tok_visa_ok", 50.00m));

        for (var step = 0; step < 25; step++)
        {
            var key = $"op{step}";
            var amount = random.Next(1, 12000) / 100m;
            switch (random.Next(7))
            {
                case 0 or 1:
                    var channel = new[] { "store", "online", "callCenter" }[random.Next(3)];
                    var capture = random.Next(2) == 0 ? 0m : Math.Round(amount * random.Next(0, 101) / 100m, 2);
                    await shop.AddTenderAsync(order, key, Shop.Tender(channel, Cards[random.Next(Cards.Length)], amount, capture));
                    break;
                case 2 or 3:
                    await shop.CaptureAsync(order, key, amount, random.Next(2) == 0 ? TenderPurpose.Pickup : TenderPurpose.Invoice);
                    break;
                case 4:
                    var refundable = shop.Payments(order).Tenders.SelectMany(t => t.Captures).Sum(c => c.Refundable);
                    if (refundable > 0)
                        await shop.RefundAsync(order, key, Math.Min(amount, refundable));
                    break;
                case 5:
                    shop.Clock.Advance(TimeSpan.FromDays(random.Next(0, 9)));
                    break;
                default:
                    if (random.Next(3) == 0)
                        await shop.CancelAsync(order, key, Math.Round(amount / 10m, 2));
                    else
                        await shop.VoidAsync(order, key, random.Next(1, 4));
                    break;
            }

            var totals = LedgerTotals.Of(shop.Payments(order));
            Assert.True(totals.Reconciles);
            Assert.Equal(totals.Authorized, totals.Captured + totals.Voided + totals.Expired + totals.OpenAuthorizations);
            Assert.True(totals.Refunded <= totals.Captured);
            await shop.AssertReconcilesAsync(order);
        }
    }

    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 30));
}
