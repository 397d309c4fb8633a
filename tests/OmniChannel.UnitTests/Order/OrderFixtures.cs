using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Orders;

namespace OmniChannel.UnitTests.Order;

/// <summary>Orders as their streams tell them, for the pure deciders.</summary>
public static class OrderFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 15, 0, 0, TimeSpan.Zero);
    public static readonly Guid OrderId = Guid.Parse("0b7e1f4c-5a0e-4c47-9d7e-2f1a6b8c9d01");

    public static OrderLine Line(int id, FulfillmentKind kind, string location, int quantity = 1) =>
        new(id, $"8{id:0000}", quantity, new Fulfillment(kind, location));

    public static CustomerOrder Created(decimal depositPercent, OrderChannel channel, params OrderLine[] lines) =>
        CustomerOrder.Create(new OrderCreated("HOU-AAAAA-BBBBB", OrderId, "HOUSTON", "T1", "2001", CustomerType.Consumer, lines,
            new DepositTender("CARD", "VISA", "tok"), depositPercent, CreationPath.Synchronous, Now, Now, "USD", channel));

    /// <summary>Pricing's answer at 100.00 a unit.</summary>
    public static PricingAnswer Priced(CustomerOrder order)
    {
        var lines = order.Lines.Select(l => new LinePrice(l.LineId, 100m, 0m, 100m * l.Quantity)).ToList();
        return new PricingAnswer(lines, lines.Sum(l => l.NetAmount), "USD");
    }

    /// <summary>The order after every event of the outcomes, as Marten's snapshot would hold it.</summary>
    public static CustomerOrder After(this CustomerOrder order, OrderOutcome outcome) => outcome.Events.Aggregate(order, (o, e) => o.Fold(e));

    /// <summary>Line 1: one picked up at SEATTLE; line 2: two shipped from CENTRAL-DC (300.00); 20 % deposit paid (60.00), confirmed.</summary>
    public static CustomerOrder Confirmed()
    {
        var order = Created(20m, OrderChannel.Store, Line(1, FulfillmentKind.Pickup, "SEATTLE"), Line(2, FulfillmentKind.Ship, "CENTRAL-DC", 2));
        var reserved = AcceptanceDecider.Decide(order,
            new Contracts.Inventory.StockReserved { OrderId = OrderId, ConfirmationNumber = order.Id, ReservationId = "r" }, Priced(order), Now);
        order = order.After(reserved);
        return order.After(AcceptanceDecider.Decide(order, new Contracts.Payment.DepositCaptured
        {
            OrderId = OrderId, Amount = 60m, AuthorizationToken = "auth", CaptureToken = "cap", AuthorizedBalance = 240m,
        }, Now));
    }
}
