using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using OmniChannel.Contracts.Inventory;
using OmniChannel.Contracts.Payment;
using OmniChannel.Order.Features.OrderCreation;
using OmniChannel.Order.Features.OrderSaga;
using Events = OmniChannel.Order.Orders;

namespace OmniChannel.UnitTests.Order;

/// <summary>The order saga's transitions, in memory: which state follows which message, and what it sends (ORD-3, INV-7).</summary>
public sealed class OrderSagaTransitionTests : IAsyncLifetime
{
    private readonly FakeSteps steps = new();
    private ServiceProvider provider = null!;
    private ITestHarness harness = null!;
    private ISagaStateMachineTestHarness<OrderStateMachine, OrderState> saga = null!;

    public async Task InitializeAsync()
    {
        provider = new ServiceCollection()
            .AddSingleton<IOrderSteps>(steps)
            .AddMassTransitTestHarness(bus => bus.AddSagaStateMachine<OrderStateMachine, OrderState>())
            .BuildServiceProvider(true);
        harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        saga = harness.GetSagaStateMachineHarness<OrderStateMachine, OrderState>();
    }

    public async Task DisposeAsync()
    {
        await harness.Stop();
        await provider.DisposeAsync();
    }

    private readonly Guid orderId = NewId.NextGuid();

    private Task Submit() => harness.Bus.Publish(new OrderSubmitted { OrderId = orderId, ConfirmationNumber = "HOU-AAAAA-BBBBB" });

    [Fact]
    public async Task A_submitted_order_is_priced_and_its_stock_requested()
    {
        steps.DepositDue = 30m;
        await Submit();

        Assert.NotNull(await saga.Exists(orderId, m => m.Reserving, TimeSpan.FromSeconds(5)));
        Assert.True(await harness.Published.Any<ReserveStock>(m => m.Context.Message.OrderId == orderId));
        Assert.Contains("price", steps.Calls);
    }

    [Fact]
    public async Task ORD3_reserved_stock_with_a_deposit_due_asks_for_the_deposit_then_confirms_once_captured()
    {
        steps.DepositDue = 30m;
        await Submit();
        await saga.Exists(orderId, m => m.Reserving, TimeSpan.FromSeconds(5));

        await harness.Bus.Publish(new StockReserved { OrderId = orderId, ReservationId = "r" });
        Assert.NotNull(await saga.Exists(orderId, m => m.TakingDeposit, TimeSpan.FromSeconds(5)));
        Assert.True(await harness.Published.Any<CaptureDeposit>(m => m.Context.Message.OrderId == orderId));

        await harness.Bus.Publish(new DepositCaptured { OrderId = orderId, Amount = 30m, AuthorizationToken = "a", CaptureToken = "c" });
        Assert.Null(await saga.NotExists(orderId, TimeSpan.FromSeconds(5))); // finalized and removed
        Assert.Contains("confirm", steps.Calls);
        Assert.Contains(steps.Recorded, e => e is Events.DepositCaptured { Amount: 30m });
    }

    [Fact]
    public async Task ORD3_no_deposit_due_confirms_right_after_the_reservation()
    {
        steps.DepositDue = 0m;
        await Submit();
        await saga.Exists(orderId, m => m.Reserving, TimeSpan.FromSeconds(5));

        await harness.Bus.Publish(new StockReserved { OrderId = orderId, ReservationId = "r" });

        Assert.Null(await saga.NotExists(orderId, TimeSpan.FromSeconds(5)));
        Assert.Contains("confirm", steps.Calls);
        Assert.False(await harness.Published.Any<CaptureDeposit>(m => m.Context.Message.OrderId == orderId));
    }

    [Fact]
    public async Task INV7_refused_stock_rejects_the_order_with_the_reason_and_releases_nothing()
    {
        steps.DepositDue = 30m;
        await Submit();
        await saga.Exists(orderId, m => m.Reserving, TimeSpan.FromSeconds(5));

        await harness.Bus.Publish(new StockReservationFailed { OrderId = orderId, Code = "stock.insufficient", Reason = "none left" });

        Assert.Null(await saga.NotExists(orderId, TimeSpan.FromSeconds(5)));
        Assert.Equal("stock.insufficient", steps.RejectedWith);
        Assert.False(await harness.Published.Any<ReleaseStock>(m => m.Context.Message.OrderId == orderId));
    }

    [Fact]
    public async Task ORD3_a_declined_deposit_releases_the_stock_then_rejects_the_order()
    {
        steps.DepositDue = 30m;
        await Submit();
        await saga.Exists(orderId, m => m.Reserving, TimeSpan.FromSeconds(5));
        await harness.Bus.Publish(new StockReserved { OrderId = orderId, ReservationId = "r" });
        await saga.Exists(orderId, m => m.TakingDeposit, TimeSpan.FromSeconds(5));

        await harness.Bus.Publish(new DepositDeclined { OrderId = orderId, Code = "card.declined", Reason = "no" });
        Assert.NotNull(await saga.Exists(orderId, m => m.Releasing, TimeSpan.FromSeconds(5)));
        Assert.True(await harness.Published.Any<ReleaseStock>(m => m.Context.Message.OrderId == orderId));
        Assert.Null(steps.RejectedWith);

        await harness.Bus.Publish(new StockReleased { OrderId = orderId });
        Assert.Null(await saga.NotExists(orderId, TimeSpan.FromSeconds(5)));
        Assert.Equal("card.declined", steps.RejectedWith);
        Assert.DoesNotContain("confirm", steps.Calls);
    }

    [Fact]
    public async Task A_cart_that_pricing_refuses_is_rejected_before_anything_is_reserved()
    {
        steps.PricingRefusal = "product.not_found";
        await Submit();

        Assert.True(await harness.Consumed.Any<OrderSubmitted>());
        Assert.Null(await saga.NotExists(orderId, TimeSpan.FromSeconds(5)));
        Assert.Equal("product.not_found", steps.RejectedWith);
        Assert.False(await harness.Published.Any<ReserveStock>(m => m.Context.Message.OrderId == orderId));
    }

    private sealed class FakeSteps : IOrderSteps
    {
        public decimal DepositDue { get; set; }
        public string? PricingRefusal { get; set; }
        public string? RejectedWith { get; private set; }
        public List<string> Calls { get; } = [];
        public List<object> Recorded { get; } = [];

        public Task PriceAsync(OrderState saga, CancellationToken ct)
        {
            Calls.Add("price");
            if (PricingRefusal is not null)
                (saga.RejectionCode, saga.RejectionReason) = (PricingRefusal, "refused");
            else
                saga.DepositDue = DepositDue;
            return Task.CompletedTask;
        }

        public Task<ReserveStock> ReservationAsync(OrderState saga, CancellationToken ct) =>
            Task.FromResult(new ReserveStock { OrderId = saga.CorrelationId, ConfirmationNumber = saga.ConfirmationNumber, Lines = [] });

        public Task<CaptureDeposit> DepositAsync(OrderState saga, CancellationToken ct) => Task.FromResult(new CaptureDeposit
        {
            OrderId = saga.CorrelationId, ConfirmationNumber = saga.ConfirmationNumber, StoreId = "HOUSTON", TenderTypeId = "CARD",
            CardTypeId = "VISA", CardToken = "tok", Amount = saga.DepositDue, Currency = "USD",
        });

        public Task ConfirmAsync(ConsumeContext context, OrderState saga)
        {
            Calls.Add("confirm");
            return Task.CompletedTask;
        }

        public void Reject(OrderState saga) => RejectedWith = saga.RejectionCode;

        public void Record(OrderState saga, params object[] events) => Recorded.AddRange(events);
    }
}
