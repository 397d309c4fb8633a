using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Engine.Calculation;

/// <summary>
/// A line's system and manual discounts so far. Immutable: <see cref="Add"/> returns a new tally that shares the
/// earlier amounts (a chain, newest first), so a stage's result costs one small object per amount, not a copied list.
/// </summary>
/// <param name="Open">Units no system discount has touched yet; lower priorities only see these.</param>
/// <param name="ExclusiveUnits">Units taken by an exclusive discount: nothing else may touch them, thresholds included.</param>
/// <param name="Discounted">The sum of every exact (unrounded) amount so far.</param>
internal readonly record struct LineTally(int Open, int ExclusiveUnits, decimal Discounted, AmountEntry? Last)
{
    public LineTally Add(LineAmount discount, decimal amount) =>
        amount == 0 ? this : this with { Discounted = Discounted + amount, Last = new AmountEntry(discount, amount, Last) };

    /// <summary>Closes units to the rest of this priority and below; an exclusive pass also keeps thresholds off them.</summary>
    public LineTally Close(int units, bool exclusivePass) =>
        this with { Open = Open - units, ExclusiveUnits = exclusivePass ? ExclusiveUnits + units : ExclusiveUnits };

    public bool HasSystemDiscount
    {
        get
        {
            for (var entry = Last; entry is not null; entry = entry.Previous)
                if (!entry.Discount.Manual)
                    return true;
            return false;
        }
    }

    /// <summary>One exact amount per discount, in the order they were first applied (amounts of one discount summed in order).</summary>
    public List<(LineAmount Discount, decimal Amount)> Amounts()
    {
        var count = 0;
        for (var entry = Last; entry is not null; entry = entry.Previous)
            count++;
        var chain = new AmountEntry[count];
        for (var entry = Last; entry is not null; entry = entry.Previous)
            chain[--count] = entry;
        var merged = new List<(LineAmount Discount, decimal Amount)>(chain.Length);
        foreach (var entry in chain)
        {
            var i = merged.Count - 1;
            while (i >= 0 && !ReferenceEquals(merged[i].Discount.Key, entry.Discount.Key))
                i--;
            if (i < 0)
                merged.Add((entry.Discount, entry.Amount));
            else
                merged[i] = (entry.Discount, merged[i].Amount + entry.Amount);
        }
        return merged;
    }
}

/// <summary>One amount given to a line, and the amounts given before it.</summary>
internal sealed record AmountEntry(LineAmount Discount, decimal Amount, AmountEntry? Previous);

/// <summary>An amount a stage gives a line.</summary>
internal readonly record struct Grant(int Line, LineAmount Discount, decimal Amount);

/// <summary>The lines' tallies at one point of the pipeline, indexed like the cart's lines. Immutable: stages return new ones.</summary>
internal readonly struct Tallies(LineTally[] items)
{
    private readonly LineTally[] items = items; // handed over by its builder, which keeps no reference to it

    public int Length => items.Length;

    public LineTally this[int line] => items[line];

    /// <summary>What the line costs now: gross less every exact amount so far.</summary>
    public decimal Net(LinePrice line) => line.Gross - items[line.Index].Discounted;

    /// <summary>A copy for a stage to build its result in.</summary>
    public LineTally[] ToBuilder() => (LineTally[])items.Clone();

    public Tallies Granted(IReadOnlyList<Grant> grants) => Step(grants, null, exclusivePass: false);

    /// <summary>New tallies with the grants added and, per line, so many units closed: one copy for a step's result.</summary>
    public Tallies Step(IReadOnlyList<Grant> grants, int[]? closed, bool exclusivePass)
    {
        if (grants.Count == 0 && closed is null)
            return this;
        var next = ToBuilder();
        foreach (var grant in grants)
            next[grant.Line] = next[grant.Line].Add(grant.Discount, grant.Amount);
        if (closed is not null)
            for (var i = 0; i < next.Length; i++)
                if (closed[i] > 0)
                    next[i] = next[i].Close(closed[i], exclusivePass);
        return new Tallies(next);
    }

    /// <summary>New tallies with a rounded amount spread over the lines in proportion to what they cost now, in whole
    /// currency units.</summary>
    public Tallies SplitOverNets(LineAmount shown, LinePrice[] targets, decimal amount, CurrencyRule currency)
    {
        var nets = new decimal[targets.Length];
        for (var i = 0; i < targets.Length; i++)
            nets[i] = Net(targets[i]);
        var shares = currency.Allocate(amount, nets);
        var next = ToBuilder();
        for (var i = 0; i < targets.Length; i++)
            next[targets[i].Index] = next[targets[i].Index].Add(shown, shares[i]);
        return new Tallies(next);
    }
}

/// <summary>A discount as a line shows it. <see cref="Key"/> identifies the discount (its compiled form or a manual marker).</summary>
internal sealed record LineAmount(object Key, string Id, string Name, AppliedDiscountType Type, ConcurrencyMode Mode, int Priority,
    string? CouponCode, decimal? Percent)
{
    public bool Manual => Type is AppliedDiscountType.ManualLine or AppliedDiscountType.ManualTotal;

    /// <summary>A system discount as it shows on a line, without the coupon that unlocked it.</summary>
    public static LineAmount Of(CompiledDiscount d) =>
        new(d, d.Id, d.Definition.Name, TypeOf(d.Type), d.Mode, d.Priority, null, null);

    private static AppliedDiscountType TypeOf(DiscountType type) => type switch
    {
        DiscountType.Simple => AppliedDiscountType.Simple,
        DiscountType.Quantity => AppliedDiscountType.Quantity,
        DiscountType.MixAndMatch => AppliedDiscountType.MixAndMatch,
        _ => AppliedDiscountType.Threshold,
    };
}
