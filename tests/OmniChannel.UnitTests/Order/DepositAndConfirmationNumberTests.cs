using OmniChannel.Order.Orders;

namespace OmniChannel.UnitTests.Order;

public class DepositAndConfirmationNumberTests
{
    private static OrderLine Line(int id, FulfillmentKind kind) => new(id, "81120", 1, new Fulfillment(kind, "HOUSTON"));

    [Fact]
    public void ORD3_carry_out_is_paid_in_full_and_the_deposit_percent_applies_to_the_rest()
    {
        IReadOnlyList<OrderLine> lines = [Line(1, FulfillmentKind.CarryOut), Line(2, FulfillmentKind.Pickup), Line(3, FulfillmentKind.Ship)];
        IReadOnlyList<LinePrice> prices = [new(1, 19.99m, 0m, 19.99m), new(2, 129.99m, 0m, 129.99m), new(3, 24.50m, 0m, 24.50m)];

        // 19.99 + 20 % of 154.49 = 19.99 + 30.898 → 50.89 (USD: 2 decimals, midpoint away from zero)
        Assert.Equal(50.89m, Deposit.Due(lines, prices, 20m));
        Assert.Equal(19.99m, Deposit.Due(lines, prices, 0m));
        Assert.Equal(174.48m, Deposit.Due(lines, prices, 100m));
    }

    [Fact]
    public void Money_rounds_midpoints_away_from_zero() => Assert.Equal((0.13m, -0.13m), (Money.Round(0.125m), Money.Round(-0.125m)));

    [Fact]
    public void ORD9_confirmation_numbers_are_well_formed_prefixed_by_the_store_and_distinct()
    {
        var numbers = Enumerable.Range(0, 10_000).Select(_ => ConfirmationNumber.New("HOUSTON")).ToList();

        Assert.All(numbers, n => Assert.True(ConfirmationNumber.IsWellFormed(n), n));
        Assert.All(numbers, n => Assert.StartsWith("HOU-", n));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }
}
