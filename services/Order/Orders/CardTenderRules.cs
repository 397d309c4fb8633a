using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Order.Orders;

/// <summary>
/// A new card at the counter (PAY-7 a second card for the balance, PAY-8 a different card at pickup, PAY-9 a new payment
/// after a failed capture, PAY-10 the balance split over cards) is authorized only, for at most what the order still has
/// to collect: captures are the saga's, for the goods that leave (<see cref="OrderFulfillment"/>).
/// </summary>
public static class CardTenderRules
{
    /// <summary>What the order still has to collect: its total, less what the deposit and its fulfillments' captures paid.</summary>
    public static decimal Outstanding(CustomerOrder order) =>
        Math.Max(0m, order.Total - order.DepositPaid - order.Fulfilled.Sum(f => f.Captured));

    /// <summary>The card is a token, never a card number (PAY-12): refused before the order is even looked at, so nothing holds it.</summary>
    public static Refusal? CheckCard(string? cardToken) =>
        string.IsNullOrWhiteSpace(cardToken) ? Refusal.Invalid("card.token_required", "A cardToken is required.")
        : OmniChannel.Order.Features.CreateOrder.OrderRules.LooksLikeCardNumber(cardToken)
            ? Refusal.Invalid("card.number_refused", "Send a card token, never a card number (PAY-12).")
            : null;

    public static Refusal? Decide(CustomerOrder order, decimal amount)
    {
        if (order.Status is not (OrderStatus.Confirmed or OrderStatus.PartiallyFulfilled or OrderStatus.Fulfilled))
            return Refusal.Conflict("order.not_payable",
                $"Order {order.Id} is {order.Status}: a card is taken for a confirmed order whose goods are not all paid.");
        if (!CurrencyCode.IsValidAmount(amount, order.Currency))
            return Refusal.Invalid("amount.invalid",
                $"amount is more than zero with at most {CurrencyCode.MinorDigits(order.Currency)} decimals in {order.Currency}.");
        var outstanding = Outstanding(order);
        return amount > outstanding
            ? Refusal.Conflict("tender.amount_exceeds_balance", $"The order has {outstanding} {order.Currency} left to collect; a card is authorized for at most that.")
            : null;
    }
}
