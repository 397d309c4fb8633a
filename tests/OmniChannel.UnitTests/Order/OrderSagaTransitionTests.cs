using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using OmniChannel.Contracts.Inventory;
using OmniChannel.Contracts.Payment;
using OmniChannel.Contracts.Pickup;
using OmniChannel.Order.Features.CancelOrder;
using OmniChannel.Order.Features.FulfillmentPayments;
using OmniChannel.Order.Features.Invoicing;
using OmniChannel.Order.Features.OrderSaga;
using Events = OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.UnitTests.Order;

/// <summary>
/// The order saga's transitions, in memory, with its real deciders: which state follows which message, what it
/// records on the order's stream and what it sends (ORD-3, ORD-8, INV-7, PUP-4, PAY-3, PAY-5, PAY-6, PAY-7, PAY-9).
/// Only the order's storage and Pricing's answer are stand-ins.
/// </summary>
public sealed class OrderSagaTransitionTests : IAsyncLifetime
{
    private readonly Guid orderId = NewId.NextGuid();
    private ServiceProvider provider = null!;
    private ITestHarness harness = null!;
    private ISagaStateMachineTestHarness<OrderStateMachine, OrderState> saga = null!;

    /// <summary>By default one line of 1 picked up at SEATTLE, 100.00, with a 30 % deposit; a test sets its own before the first message.</summary>
    private InMemoryOrderStream stream;
    private readonly StubPricing pricing;

    public OrderSagaTransitionTests()
    {
        stream = Order(30m, Pickup(1));
        pricing = new StubPricing(() => stream.Order);
    }

    public async Task InitializeAsync()
    {
        provider = new ServiceCollection()
            .AddSingleton<IOrderStream>(_ => stream)
            .AddSingleton<IOrderPricing>(pricing)
            .AddSingleton(TimeProvider.System)
            .AddMassTransitTestHarness(bus => bus.AddSagaStateMachine<OrderStateMachine, OrderState>(typeof(OrderStateDefinition)))
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

    private IReadOnlyList<object> Recorded => stream.Events;

    /// <summary>Inventory's answer to the reservation the order's creation asked for: it starts the saga.</summary>
    private Task Reserved() =>
        harness.Bus.Publish(new StockReserved { OrderId = orderId, ConfirmationNumber = InMemoryOrderStream.ConfirmationNumber, ReservationId = "r" });

    [Fact]
    public async Task Reserved_stock_starts_the_saga_which_records_it_and_prices_the_order_in_the_same_step()
    {
        await Reserved();

        var instance = await saga.Exists(orderId, m => m.TakingDeposit, TimeSpan.FromSeconds(5));
        Assert.NotNull(instance);
        Assert.Equal("HOU-AAAAA-BBBBB", saga.Sagas.Contains(instance.Value)!.ConfirmationNumber);
        Assert.Contains(Recorded, e => e is Events.StockReserved { ReservationId: "r" });
        Assert.Single(Recorded, e => e is Events.OrderPriced { Total: 100m, DepositDue: 30m });
        Assert.Equal(1, pricing.Asked);
    }

    [Fact]
    public async Task ORD3_reserved_stock_with_a_deposit_due_asks_for_the_deposit_then_confirms_once_captured_and_awaits_fulfillment()
    {
        await Reserved();
        Assert.NotNull(await saga.Exists(orderId, m => m.TakingDeposit, TimeSpan.FromSeconds(5)));
        Assert.True(await harness.Published.Any<CaptureDeposit>(m => m.Context.Message.OrderId == orderId && m.Context.Message.Amount == 30m));

        await harness.Bus.Publish(new DepositCaptured { OrderId = orderId, Amount = 30m, AuthorizationToken = "a", CaptureToken = "c" });
        Assert.NotNull(await saga.Exists(orderId, m => m.AwaitingFulfillment, TimeSpan.FromSeconds(5)));
        Assert.Contains(Recorded, e => e is Events.OrderConfirmed);
        Assert.Contains(Recorded, e => e is Events.DepositCaptured { Amount: 30m });
    }

    [Fact]
    public async Task PAY5_the_deposit_swipe_authorizes_the_balance_and_what_came_back_is_recorded_on_the_order()
    {
        stream = Order(20m, Pickup(1)); // 20.00 now, 80.00 authorized
        await ConfirmedAsync(new DepositCaptured
        {
            OrderId = orderId, Amount = 20m, AuthorizationToken = "auth-1", CaptureToken = "cap-1", AuthorizedBalance = 80m,
            AuthorizationExpiresAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), SecondCardRequired = false,
        });

        Assert.True(await harness.Published.Any<CaptureDeposit>(m => m.Context.Message.BalanceToAuthorize == 80m));
        Assert.Contains(Recorded, e => e is Events.BalanceAuthorized { Amount: 80m, AuthorizationToken: "auth-1" });
        Assert.DoesNotContain(Recorded, e => e is Events.SecondCardRequired);
    }

    [Fact]
    public async Task PAY7_a_swipe_that_could_not_authorize_the_balance_records_that_a_second_card_is_required()
    {
        stream = Order(20m, Pickup(1));
        await ConfirmedAsync(new DepositCaptured
        {
            OrderId = orderId, Amount = 20m, AuthorizationToken = "auth-1", CaptureToken = "cap-1", AuthorizedBalance = 0m, SecondCardRequired = true,
        });

        Assert.Contains(Recorded, e => e is Events.SecondCardRequired { Balance: 80m });
        Assert.DoesNotContain(Recorded, e => e is Events.BalanceAuthorized);
    }

    [Fact]
    public async Task PAY3_a_storefront_order_with_nothing_to_pay_now_still_asks_for_its_authorization()
    {
        (stream, pricing.UnitPrice) = (Order(0m, Events.OrderChannel.Online, Pickup(1)), 120m);
        await ConfirmedAsync(new DepositCaptured { OrderId = orderId, Amount = 0m, AuthorizationToken = "auth-1", AuthorizedBalance = 120m });

        Assert.True(await harness.Published.Any<CaptureDeposit>(m => m.Context.Message.Amount == 0m && m.Context.Message.BalanceToAuthorize == 120m));
        Assert.DoesNotContain(Recorded, e => e is Events.DepositCaptured);
        Assert.Contains(Recorded, e => e is Events.BalanceAuthorized { Amount: 120m });
    }

    [Fact]
    public async Task ORD3_no_deposit_due_confirms_right_after_the_reservation()
    {
        stream = Order(0m, Pickup(1));
        await Reserved();

        Assert.NotNull(await saga.Exists(orderId, m => m.AwaitingFulfillment, TimeSpan.FromSeconds(5)));
        Assert.Contains(Recorded, e => e is Events.OrderConfirmed);
        Assert.False(await harness.Published.Any<CaptureDeposit>(m => m.Context.Message.OrderId == orderId));
    }

    [Fact]
    public async Task An_order_carried_out_in_full_is_completed_at_confirmation()
    {
        (stream, pricing.UnitPrice) = (Order(30m, new Events.OrderLine(1, "86002", 1, new(Events.FulfillmentKind.CarryOut, "HOUSTON"))), 30m);
        await Reserved();
        Assert.NotNull(await saga.Exists(orderId, m => m.TakingDeposit, TimeSpan.FromSeconds(5)));

        await harness.Bus.Publish(new DepositCaptured { OrderId = orderId, Amount = 30m, AuthorizationToken = "a", CaptureToken = "c" });

        Assert.Null(await saga.NotExists(orderId, TimeSpan.FromSeconds(5)));
        Assert.Contains(Recorded, e => e is Events.OrderConfirmed);
        Assert.Contains(Recorded, e => e is Events.OrderCompleted);
        Assert.True(await harness.Published.Any<ReleaseOrderAuthorizations>(m => m.Context.Message.OrderId == orderId));
    }

    [Fact]
    public async Task PUP4_a_completed_pickup_is_fulfilled_and_the_order_completes_once_its_capture_is_answered()
    {
        stream = Order(20m, Pickup(1));
        await ConfirmedAsync(new DepositCaptured { OrderId = orderId, Amount = 20m, AuthorizationToken = "a", CaptureToken = "c", AuthorizedBalance = 80m });

        await harness.Bus.Publish(PickupOf("pickup.1"));
        Assert.True(await harness.Published.Any<CaptureFulfillmentPayment>(m =>
            m.Context.Message is { FulfillmentId: "pickup.1", Purpose: FulfillmentPurpose.Pickup, Amount: 80m, PreferredTenderLineId: 7 }));
        // The message leaves with the stream's append; the test's own list of what was appended is filled just after it.
        await UntilAsync(() => Recorded.Any(e => e is Events.LinesFulfilled { FulfillmentId: "pickup.1", Source: Events.FulfillmentSource.Pickup }));
        Assert.NotNull(await saga.Exists(orderId, m => m.AwaitingFulfillment, TimeSpan.FromSeconds(5)));

        await harness.Bus.Publish(new FulfillmentPaymentCaptured { OrderId = orderId, FulfillmentId = "pickup.1", Captured = 80m, CaptureTokens = ["cap"] });

        Assert.Null(await saga.NotExists(orderId, TimeSpan.FromSeconds(5)));
        await UntilAsync(() => Recorded.Any(e => e is Events.FulfillmentPaymentCaptured { AttemptId: "pickup.1", Captured: 80m }));
        Assert.True(await harness.Published.Any<ReleaseOrderAuthorizations>(m => m.Context.Message.OrderId == orderId));
    }

    [Fact]
    public async Task PAY6_an_invoice_of_shipped_lines_is_fulfilled_like_a_pickup()
    {
        stream = Order(20m, Pickup(1), new Events.OrderLine(2, "82001", 2, new(Events.FulfillmentKind.Ship, "CENTRAL-DC")));
        await ConfirmedAsync(new DepositCaptured { OrderId = orderId, Amount = 60m, AuthorizationToken = "a", CaptureToken = "c", AuthorizedBalance = 240m });

        await harness.Bus.Publish(new InvoiceShippedLines { OrderId = orderId, InvoiceId = "INV-1", Lines = [new(2, 2)] });

        await UntilAsync(() => Recorded.Any(e => e is Events.LinesFulfilled { FulfillmentId: "invoice.INV-1", Source: Events.FulfillmentSource.Invoice }));
        Assert.True(await harness.Published.Any<CaptureFulfillmentPayment>(m => m.Context.Message is { FulfillmentId: "invoice.INV-1", Purpose: FulfillmentPurpose.Invoice }));
        Assert.NotNull(await saga.Exists(orderId, m => m.AwaitingFulfillment, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task PAY9_a_failed_capture_keeps_the_order_open_until_the_new_payment_is_captured()
    {
        stream = Order(20m, Pickup(1));
        await ConfirmedAsync(new DepositCaptured { OrderId = orderId, Amount = 20m, AuthorizationToken = "a", CaptureToken = "c", AuthorizedBalance = 80m });
        await harness.Bus.Publish(PickupOf("pickup.1"));
        await UntilAsync(() => Recorded.Any(e => e is Events.FulfillmentPaymentRequested { AttemptId: "pickup.1" }));

        await harness.Bus.Publish(new FulfillmentPaymentFailed
        {
            OrderId = orderId, FulfillmentId = "pickup.1", Captured = 0m, BalanceDue = 80m, Code = "payment.new_tender_required", Reason = "no",
        });
        await UntilAsync(() => Recorded.Any(e => e is Events.FulfillmentPaymentFailed { AttemptId: "pickup.1" }));
        Assert.NotNull(await saga.Exists(orderId, m => m.AwaitingFulfillment, TimeSpan.FromSeconds(5)));

        await harness.Bus.Publish(new RetryFulfillmentPayment { OrderId = orderId, FulfillmentId = "pickup.1", PreferredTenderLineId = 2 });
        Assert.True(await harness.Published.Any<CaptureFulfillmentPayment>(m =>
            m.Context.Message is { FulfillmentId: "pickup.1.2", Amount: 80m, PreferredTenderLineId: 2 }));
        Assert.NotNull(await saga.Exists(orderId, m => m.AwaitingFulfillment, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task ORD8_a_cancellation_releases_the_stock_then_settles_the_payments_with_the_charge_then_cancels_the_order()
    {
        stream = Order(20m, Pickup(1));
        await ConfirmedAsync(new DepositCaptured { OrderId = orderId, Amount = 20m, AuthorizationToken = "a", CaptureToken = "c", AuthorizedBalance = 80m });

        await harness.Bus.Publish(new CancelCustomerOrder { OrderId = orderId, CancellationId = "x1", ChargePercent = 10m });
        Assert.NotNull(await saga.Exists(orderId, m => m.ReleasingForCancellation, TimeSpan.FromSeconds(5)));
        Assert.True(await harness.Published.Any<ReleaseStock>(m => m.Context.Message.OrderId == orderId));
        Assert.True(await harness.Published.Any<CancelPickup>(m => m.Context.Message.OrderId == orderId));
        Assert.False(await harness.Published.Any<SettleCancelledOrderPayments>());

        await harness.Bus.Publish(new StockReleased { OrderId = orderId });
        Assert.NotNull(await saga.Exists(orderId, m => m.SettlingCancellation, TimeSpan.FromSeconds(5)));
        Assert.True(await harness.Published.Any<SettleCancelledOrderPayments>(m =>
            m.Context.Message.CancellationId == "x1" && m.Context.Message.CancellationCharge == 10.00m)); // 10 % of 100.00

        await harness.Bus.Publish(new OrderPaymentsSettled { OrderId = orderId, CancellationId = "x1", Refunded = 10m, Retained = 10m });
        Assert.Null(await saga.NotExists(orderId, TimeSpan.FromSeconds(5)));
        Assert.Contains(Recorded, e => e is Events.CancellationSettled { CancellationId: "x1" });
        Assert.Contains(Recorded, e => e is Events.OrderCancelled);
    }

    [Fact]
    public async Task ORD7_cancelled_lines_release_their_stock_and_pickup_lines_the_order_stays_open_and_the_last_open_line_cancels_it_whole()
    {
        stream = Order(20m, Pickup(1), Pickup(2));
        await ConfirmedAsync(new DepositCaptured { OrderId = orderId, Amount = 40m, AuthorizationToken = "a", CaptureToken = "c", AuthorizedBalance = 160m });

        await harness.Bus.Publish(new CancelOrderLines { OrderId = orderId, CancellationId = "c1", Lines = [new(1, 1)], Reason = "customer", ChargePercentIfWhole = 10m });
        Assert.True(await harness.Published.Any<ReleaseStockLines>(m => m.Context.Message is { ReleaseId: "c1", Lines: [{ LineId: 1, Quantity: 1 }] }));
        Assert.True(await harness.Published.Any<CancelPickupLines>(m => m.Context.Message is { CancellationId: "c1", Lines: [{ LineId: 1, Quantity: 1 }] }));
        Assert.Contains(Recorded, e => e is Events.LinesCancelled { CancellationId: "c1" });
        Assert.NotNull(await saga.Exists(orderId, m => m.AwaitingFulfillment, TimeSpan.FromSeconds(5)));
        Assert.False(await harness.Published.Any<ReleaseStock>());

        await harness.Bus.Publish(new CancelOrderLines { OrderId = orderId, CancellationId = "c2", Lines = [new(2, 1)], Reason = "customer", ChargePercentIfWhole = 10m });
        Assert.NotNull(await saga.Exists(orderId, m => m.ReleasingForCancellation, TimeSpan.FromSeconds(5)));
        Assert.True(await harness.Published.Any<ReleaseStock>(m => m.Context.Message.OrderId == orderId));
        Assert.Contains(Recorded, e => e is Events.CancellationRequested { CancellationId: "c2" });
    }

    [Fact]
    public async Task ORD8_a_refused_cancellation_changes_nothing_and_goods_arriving_while_cancelling_are_refused()
    {
        stream = Order(20m, Pickup(1));
        await ConfirmedAsync(new DepositCaptured { OrderId = orderId, Amount = 20m, AuthorizationToken = "a", CaptureToken = "c", AuthorizedBalance = 80m });

        await harness.Bus.Publish(new CancelCustomerOrder { OrderId = orderId, CancellationId = "refused", ChargePercent = 150m });
        await UntilAsync(() => Recorded.Any(e => e is Events.CancellationRefused { CancellationId: "refused" }));
        Assert.NotNull(await saga.Exists(orderId, m => m.AwaitingFulfillment, TimeSpan.FromSeconds(5)));
        Assert.False(await harness.Published.Any<ReleaseStock>());

        await harness.Bus.Publish(new CancelCustomerOrder { OrderId = orderId, CancellationId = "x2", ChargePercent = 10m });
        Assert.NotNull(await saga.Exists(orderId, m => m.ReleasingForCancellation, TimeSpan.FromSeconds(5)));
        await harness.Bus.Publish(PickupOf("pickup.late"));

        await UntilAsync(() => Recorded.Any(e => e is Events.FulfillmentRefused { FulfillmentId: "pickup.late", Code: "order.cancelled" }));
        Assert.DoesNotContain(Recorded, e => e is Events.LinesFulfilled { FulfillmentId: "pickup.late" });
    }

    [Fact]
    public async Task INV7_refused_stock_rejects_the_order_with_the_reason_and_releases_nothing()
    {
        await harness.Bus.Publish(new StockReservationFailed
        {
            OrderId = orderId, ConfirmationNumber = "HOU-AAAAA-BBBBB", Code = "stock.insufficient", Reason = "none left",
        });

        Assert.True(await harness.Consumed.Any<StockReservationFailed>());
        Assert.Null(await saga.NotExists(orderId, TimeSpan.FromSeconds(5)));
        Assert.Contains(Recorded, e => e is Events.OrderRejected { Code: "stock.insufficient", Reason: "none left" });
        Assert.Contains(Recorded, e => e is Events.StockReservationFailed { Code: "stock.insufficient" });
        Assert.Equal(0, pricing.Asked);
        Assert.DoesNotContain(Recorded, e => e is Events.OrderPriced);
        Assert.False(await harness.Published.Any<ReleaseStock>(m => m.Context.Message.OrderId == orderId));
    }

    [Fact]
    public async Task ORD3_a_declined_deposit_releases_the_stock_then_rejects_the_order()
    {
        await Reserved();
        Assert.NotNull(await saga.Exists(orderId, m => m.TakingDeposit, TimeSpan.FromSeconds(5)));

        await harness.Bus.Publish(new DepositDeclined { OrderId = orderId, Code = "card.declined", Reason = "no" });
        Assert.NotNull(await saga.Exists(orderId, m => m.Releasing, TimeSpan.FromSeconds(5)));
        Assert.True(await harness.Published.Any<ReleaseStock>(m => m.Context.Message.OrderId == orderId));
        Assert.DoesNotContain(Recorded, e => e is Events.OrderRejected);

        await harness.Bus.Publish(new StockReleased { OrderId = orderId });
        Assert.Null(await saga.NotExists(orderId, TimeSpan.FromSeconds(5)));
        Assert.Contains(Recorded, e => e is Events.OrderRejected { Code: "card.declined" });
        Assert.DoesNotContain(Recorded, e => e is Events.OrderConfirmed);
    }

    [Fact]
    public async Task A_cart_that_pricing_refuses_releases_the_reserved_stock_then_rejects_the_order_without_asking_for_payment()
    {
        pricing.Refusal = "product.not_found";
        await Reserved();

        Assert.NotNull(await saga.Exists(orderId, m => m.Releasing, TimeSpan.FromSeconds(5)));
        Assert.True(await harness.Published.Any<ReleaseStock>(m => m.Context.Message.OrderId == orderId && m.Context.Message.Reason == "product.not_found"));
        Assert.DoesNotContain(Recorded, e => e is Events.OrderRejected);

        await harness.Bus.Publish(new StockReleased { OrderId = orderId });
        Assert.Null(await saga.NotExists(orderId, TimeSpan.FromSeconds(5)));
        Assert.Contains(Recorded, e => e is Events.OrderRejected { Code: "product.not_found" });
        Assert.False(await harness.Published.Any<CaptureDeposit>(m => m.Context.Message.OrderId == orderId));
    }

    private static Events.OrderLine Pickup(int lineId) => new(lineId, "81120", 1, new(Events.FulfillmentKind.Pickup, "SEATTLE"));

    private InMemoryOrderStream Order(decimal depositPercent, params Events.OrderLine[] lines) => Order(depositPercent, Events.OrderChannel.Store, lines);

    private InMemoryOrderStream Order(decimal depositPercent, Events.OrderChannel channel, params Events.OrderLine[] lines) =>
        new(orderId, lines, depositPercent, channel);

    private PickupCompleted PickupOf(string fulfillmentId) => new()
    {
        OrderId = orderId, ConfirmationNumber = "HOU-AAAAA-BBBBB", PickupId = Guid.NewGuid(), StoreId = "SEATTLE", FulfillmentId = fulfillmentId,
        Lines = [new PickupLine { LineId = 1, Sku = "81120", Quantity = 1 }], PreferredTenderLineId = 7, CompletedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>Reserved, priced and paid: the order is confirmed and awaits fulfillment.</summary>
    private async Task ConfirmedAsync(DepositCaptured payment)
    {
        await Reserved();
        Assert.NotNull(await saga.Exists(orderId, m => m.TakingDeposit, TimeSpan.FromSeconds(5)));
        await harness.Bus.Publish(payment);
        Assert.NotNull(await saga.Exists(orderId, m => m.AwaitingFulfillment, TimeSpan.FromSeconds(5)));
    }

    /// <summary>Polls an in-memory fact with a deadline: the harness's consumed list may answer before a late message is handled.</summary>
    private static async Task UntilAsync(Func<bool> fact)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!fact())
        {
            Assert.True(DateTime.UtcNow < deadline, "The fact did not come true within 15 s.");
            await Task.Delay(20); // poll
        }
    }
}
