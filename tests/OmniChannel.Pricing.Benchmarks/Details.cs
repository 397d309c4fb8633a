using System.Diagnostics;
using OmniChannel.Pricing.Engine;
using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Benchmarks;

/// <summary>
/// --details: what the best-price search sees on each benchmark cart (units, unit classes, deal patterns, quantity
/// discounts, nodes visited, exact or not), what applied, and the engine's time per cart without each discount type.
/// </summary>
public static class Details
{
    public static void Run()
    {
        var problems = new List<string>();
        BestPriceSearch.Observer = (p, r) => problems.Add(
            $"    search: {p.Counts.Sum()} units in {p.Counts.Length} classes, {p.Patterns.Count} deal patterns, {p.Quantities.Count} quantity discounts -> {r.Nodes} nodes, {r.Deals.Count} deals, {r.Quantities.Count} tiers, exact {r.Exact}");
        var book = PriceBook.Compile(BenchmarkCatalog.Data());
        for (var v = 0; v < 16; v++)
        {
            var cart = BenchmarkCatalog.Cart(v);
            var priced = PricingEngine.Price(cart, book, BenchmarkCatalog.ProductsBySku, DateTimeOffset.UtcNow).Value!;
            var applied = priced.Lines.SelectMany(l => l.Discounts).GroupBy(d => d.Type).Select(x => $"{x.Key} {x.Select(d => d.DiscountId).Distinct().Count()}");
            Console.WriteLine($"cart {v}: {cart.Lines.Sum(l => l.Quantity)} units, gross {priced.GrossAmount}, net {priced.NetAmount}, applied: {string.Join(", ", applied)}");
            problems.ForEach(Console.WriteLine);
            problems.Clear();
        }
        BestPriceSearch.Observer = null;

        foreach (var without in new DiscountType?[] { null, DiscountType.Threshold, DiscountType.MixAndMatch, DiscountType.Quantity })
        {
            var partial = PriceBook.Compile(BenchmarkCatalog.Data() with { Discounts = BenchmarkCatalog.Discounts().Where(d => d.Type != without).ToList() });
            var carts = Enumerable.Range(0, 16).Select(BenchmarkCatalog.Cart).ToArray();
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < 3000; i++)
                PricingEngine.Price(carts[i % 16], partial, BenchmarkCatalog.ProductsBySku, now);
            var started = Stopwatch.GetTimestamp();
            const int n = 20000;
            for (var i = 0; i < n; i++)
                PricingEngine.Price(carts[i % 16], partial, BenchmarkCatalog.ProductsBySku, now);
            Console.WriteLine($"without {without?.ToString() ?? "nothing"}: {Stopwatch.GetElapsedTime(started).TotalMicroseconds / n:0} µs per cart");
        }
    }
}
