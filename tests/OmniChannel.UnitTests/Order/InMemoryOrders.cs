using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Features.OrderSaga;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.UnitTests.Order;

/// <summary>
/// An order's stream in memory, for the saga's transitions: what Marten keeps in PostgreSQL, folded the same way.
/// The saga's deciders are the real ones; only the storage is not.
/// </summary>
public sealed class InMemoryOrderStream : IOrderStream
{
    private readonly List<object> events = [];

    public const string ConfirmationNumber = "HOU-AAAAA-BBBBB";

    public InMemoryOrderStream(Guid orderId, IReadOnlyList<OrderLine> lines, decimal depositPercent, OrderChannel channel = OrderChannel.Store)
    {
        var at = new DateTimeOffset(2026, 11, 22, 15, 0, 0, TimeSpan.Zero);
        events.Add(new OrderCreated(ConfirmationNumber, orderId, "HOUSTON", "T1", "2001", CustomerType.Consumer, lines,
            new DepositTender("CARD", "VISA", "tok"), depositPercent, CreationPath.Synchronous, at, at, "USD", channel));
    }

    /// <summary>Every event of the order's stream, in order.</summary>
    public IReadOnlyList<object> Events
    {
        get { lock (events) return [.. events]; }
    }

    public CustomerOrder Order
    {
        get
        {
            lock (events)
                return events.Skip(1).Aggregate(CustomerOrder.Create((OrderCreated)events[0]), (order, e) => order.Fold(e));
        }
    }

    public Task<CustomerOrder> LoadAsync(string confirmationNumber, CancellationToken ct) => Task.FromResult(Order);

    public void Append(string confirmationNumber, IReadOnlyList<object> appended)
    {
        lock (events)
            events.AddRange(appended);
    }
}

/// <summary>Pricing's answer as a test sets it: every unit at one price, or a refusal.</summary>
public sealed class StubPricing(Func<CustomerOrder> order) : IOrderPricing
{
    private int asked;

    public decimal UnitPrice { get; set; } = 100m;

    public string? Refusal { get; set; }

    public int Asked => asked;

    public Task<PricingAnswer> PriceAsync(string confirmationNumber, CancellationToken ct)
    {
        Interlocked.Increment(ref asked);
        if (Refusal is not null)
            return Task.FromResult(PricingAnswer.RefusedWith(new Refusal(Refusal, "refused")));
        var lines = order().Lines.Select(l => new LinePrice(l.LineId, UnitPrice, 0m, UnitPrice * l.Quantity)).ToList();
        return Task.FromResult(new PricingAnswer(lines, lines.Sum(l => l.NetAmount), "USD"));
    }
}
