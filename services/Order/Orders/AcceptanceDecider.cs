using OmniChannel.Contracts.Inventory;
using OmniChannel.Contracts.Payment;
using OmniChannel.Contracts.Pickup;
using Inventory = OmniChannel.Contracts.Inventory;
using Payment = OmniChannel.Contracts.Payment;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Order.Orders;

/// <summary>
/// ORD-1 / ORD-3, INV-7, PAY-3 … PAY-7: from the stock reservation to a confirmed or rejected order. Pure: the saga
/// loads the order, decides with these, appends the events and sends the commands.
/// </summary>
public static class AcceptanceDecider
{
    /// <summary>
    /// The stock is held; priced, the order asks for what is due at order time (the deposit and the authorization of
    /// the rest), or is confirmed at once when nothing is. A cart Pricing refused releases the stock, then rejects.
    /// </summary>
    public static OrderOutcome Decide(CustomerOrder order, Inventory.StockReserved reserved, PricingAnswer pricing, DateTimeOffset now)
    {
        var draft = new Draft(order).Record(new StockReserved(reserved.ReservationId));
        if (pricing.Refused is { } refused)
            return Release(draft, refused);

        var depositDue = Deposit.Due(order.Lines, pricing.Lines, order.DepositPercent, pricing.Currency);
        var balance = Deposit.BalanceToAuthorize(order.Channel, pricing.Total, depositDue);
        draft = draft.Record(new OrderPriced(pricing.Lines, pricing.Total, depositDue, pricing.Currency));
        // A reservation (PUP-9) has no card: nothing is taken now, its whole balance is paid at the counter.
        if (order.DepositTender is not { } tender || (depositDue <= 0 && balance <= 0))
            return Confirm(draft, now);
        return draft.Send(new CaptureDeposit
        {
            OrderId = order.OrderId, ConfirmationNumber = order.Id, StoreId = order.StoreId,
            TenderTypeId = tender.TenderTypeId, CardTypeId = tender.CardTypeId,
            CardToken = tender.CardToken, Amount = depositDue, Currency = order.Currency,
            BalanceToAuthorize = balance, Channel = SalesChannelOf(order.Channel),
        }).Go(OrderNext.TakingDeposit);
    }

    /// <summary>INV-7: nothing was reserved, so nothing is released: the order is rejected with Inventory's reason.</summary>
    public static OrderOutcome Decide(CustomerOrder order, Inventory.StockReservationFailed failed, DateTimeOffset now) =>
        new Draft(order)
            .Record(new StockReservationFailed(failed.Code, failed.Reason))
            .Record(new OrderRejected(failed.Code, failed.Reason, now))
            .Go(OrderNext.Rejected);

    /// <summary>What the payment at order time captured and authorized is recorded, and the order confirmed.</summary>
    public static OrderOutcome Decide(CustomerOrder order, Payment.DepositCaptured captured, DateTimeOffset now) =>
        Confirm(new Draft(order).Record(PaymentAtOrder.Facts(captured.Amount, captured.AuthorizationToken, captured.CaptureToken,
            captured.AuthorizedBalance ?? 0m, captured.AuthorizationExpiresAt, captured.SecondCardRequired ?? false,
            Deposit.BalanceToAuthorize(order.Channel, order.Total, order.DepositDue))), now);

    public static OrderOutcome Decide(CustomerOrder order, Payment.DepositDeclined declined) =>
        Release(new Draft(order).Record(new DepositDeclined(declined.Code, declined.Reason)), new Refusal(declined.Code, declined.Reason));

    /// <summary>The stock released after a refusal: the order is rejected with the reason the saga kept.</summary>
    public static OrderOutcome Decide(CustomerOrder order, Inventory.StockReleased released, Refusal? why, DateTimeOffset now) =>
        new Draft(order)
            .Record(new StockReleased(order.OrderId.ToString()))
            .Record(new OrderRejected(why?.Code ?? "order.rejected", why?.Detail ?? "", now))
            .Go(OrderNext.Rejected);

    /// <summary>
    /// Confirmed: carried-out lines leave now, each pickup store gets its lines (PUP-1), and an order with nothing
    /// left to fulfill is completed at once.
    /// </summary>
    private static OrderOutcome Confirm(Draft draft, DateTimeOffset now)
    {
        draft = draft.Record(new OrderConfirmed(now));
        if (OrderFulfillment.CarryOut(draft.Order, now) is { } carriedOut)
            draft = draft.Record(carriedOut);
        var order = draft.Order;
        foreach (var store in order.Lines.Where(l => l.Fulfillment.Kind == FulfillmentKind.Pickup).GroupBy(l => l.Fulfillment.LocationId))
            draft = draft.Send(new RequestPickup
            {
                OrderId = order.OrderId, ConfirmationNumber = order.Id, StoreId = store.Key, CustomerId = order.CustomerId,
                PickupDate = store.Min(l => l.Fulfillment.Date) ?? DateOnly.FromDateTime(now.UtcDateTime),
                Lines = store.Select(l => new PickupLine { LineId = l.LineId, Sku = l.Sku, Quantity = l.Quantity }).ToList(),
            });
        return Completion.IfDone(draft, now) ?? draft.Go(OrderNext.AwaitingFulfillment);
    }

    private static SalesChannel SalesChannelOf(OrderChannel channel) => channel switch
    {
        OrderChannel.Online => SalesChannel.Online,
        OrderChannel.CallCenter => SalesChannel.CallCenter,
        _ => SalesChannel.Store,
    };

    /// <summary>Rejected after the stock was reserved: the reservation is released first, then the order is rejected.</summary>
    private static OrderOutcome Release(Draft draft, Refusal why) =>
        draft.Send(new ReleaseStock { OrderId = draft.Order.OrderId, Reason = why.Code }).Go(OrderNext.Releasing, why);
}

/// <summary>Every line fulfilled and paid: the order completes, and what its authorizations still hold is released.</summary>
internal static class Completion
{
    public static OrderOutcome? IfDone(Draft draft, DateTimeOffset now) =>
        draft.Order.ReadyToComplete
            ? draft.Record(new OrderCompleted(now)).Send(new ReleaseOrderAuthorizations { OrderId = draft.Order.OrderId }).Go(OrderNext.Completed)
            : null;
}
