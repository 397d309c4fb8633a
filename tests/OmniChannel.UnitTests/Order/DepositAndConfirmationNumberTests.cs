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
        Assert.Equal(50.89m, Deposit.Due(lines, prices, 20m, "USD"));
        Assert.Equal(19.99m, Deposit.Due(lines, prices, 0m, "USD"));
        Assert.Equal(174.48m, Deposit.Due(lines, prices, 100m, "USD"));
    }

    [Fact]
    public void A_deposit_has_the_minor_digits_of_the_orders_currency()
    {
        IReadOnlyList<OrderLine> lines = [Line(1, FulfillmentKind.Pickup)];

        Assert.Equal(2667m, Deposit.Due(lines, [new(1, 13335m, 0m, 13335m)], 20m, "JPY"));     // 2667.0 yen
        Assert.Equal(2001m, Deposit.Due(lines, [new(1, 10005m, 0m, 10005m)], 20m, "KRW"));     // 2001.0 won
        Assert.Equal(2001m, Deposit.Due(lines, [new(1, 10002.5m, 0m, 10002.5m)], 20m, "KRW")); // 2000.5 → 2001
        Assert.Equal(0.333m, Deposit.Due(lines, [new(1, 1.665m, 0m, 1.665m)], 20m, "KWD"));     // fils: 3 decimals
    }

    [Fact]
    public void Money_rounds_midpoints_away_from_zero() => Assert.Equal((0.13m, -0.13m), (Money.Round(0.125m, "USD"), Money.Round(-0.125m, "USD")));

    [Fact]
    public void ORD9_confirmation_numbers_are_well_formed_prefixed_by_the_store_and_distinct()
    {
        var numbers = Enumerable.Range(0, 10_000).Select(_ => ConfirmationNumber.New("HOUSTON")).ToList();

        Assert.All(numbers, n => Assert.True(ConfirmationNumber.IsWellFormed(n), n));
        Assert.All(numbers, n => Assert.StartsWith("HOU-", n));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }
}
