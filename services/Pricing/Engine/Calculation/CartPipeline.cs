using OmniChannel.Pricing.Engine.Model;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Engine.Calculation;

/// <summary>
/// One pricing call as a pipeline of stages. Each stage is a function of immutable values (the lines' prices, the
/// candidate discounts, the lines' tallies so far) and returns new tallies; no stage sees another's working state.
/// </summary>
internal static class CartPipeline
{
    public static Outcome<PricedCart> Run(CartContext context, PriceBook book, DateTimeOffset now, SearchLimits limits)
    {
        var lines = LineStage.Prices(context, book, now);
        var tallies = LineStage.Opening(lines);
        var exact = true;
        if (!context.Cart.SystemDiscountsRemoved)
        {
            var candidates = CandidateDiscounts.Find(context, book, now, lines);
            var inputs = new StageInputs(lines, candidates, context.Currency, limits);
            (tallies, exact) = LineDiscountStage.Apply(inputs, tallies);
            tallies = ThresholdStage.Apply(inputs, tallies);
        }
        var manual = ManualStage.Apply(context, lines, tallies);
        if (manual.Refusal is { } refusal)
            return refusal;
        return PricedCartBuilder.Build(context, lines, manual.Tallies, exact);
    }
}

/// <summary>What the system discount stages share, fixed for the whole call.</summary>
internal sealed record StageInputs(LinePrice[] Lines, CandidateDiscounts Candidates, CurrencyRule Currency, SearchLimits Limits);
