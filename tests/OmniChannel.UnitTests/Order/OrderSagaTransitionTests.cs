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

namespace OmniChannel.UnitTests.Order;

/// <summary>
/// The order saga's transitions, in memory: which state follows which message, and what it sends (ORD-3, ORD-8, INV-7,
/// PUP-4, PAY-3, PAY-5, PAY-6, PAY-7, PAY-9).
/// </summary>
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

    /// <summary>Inventory's answer to the reservation the order's creation asked for: it starts the saga.</summary>
    private Task Reserved() =>
        harness.Bus.Publish(new StockReserved { OrderId = orderId, ConfirmationNumber = "HOU-AAAAA-BBBBB", ReservationId = "r" });

    [Fact]
    public async Task Reserved_stock_starts_the_saga_which_records_it_and_prices_the_order_in_the_same_step()
    {
        steps.DepositDue = 30m;
        await Reserved();

        var instance = await saga.Exists(orderId, m => m.TakingDeposit, TimeSpan.FromSeconds(5));
        Assert.NotNull(instance);
        Assert.Equal("HOU-AAAAA-BBBBB", saga.Sagas.Contains(instance.Value)!.ConfirmationNumber);
        Assert.Contains(steps.Recorded, e => e is Events.StockReserved { ReservationId: "r" });
        Assert.Equal(["price"], steps.Calls);
    }

    [Fact]
    public async Task ORD3_reserved_stock_with_a_deposit_due_asks_for_the_deposit_then_confirms_once_captured_and_awaits_fulfillment()
    {
        steps.DepositDue = 30m;
        await Reserved();
        Assert.NotNull(await saga.Exists(orderId, m => m.TakingDeposit, TimeSpan.FromSeconds(5)));
        Assert.True(await harness.Published.Any<CaptureDeposit>(m => m.Context.Message.OrderId == orderId && m.Context.Message.Amount == 30m));

        await harness.Bus.Publish(new DepositCaptured { OrderId = orderId, Amount = 30m, AuthorizationToken = "a", CaptureToken = "c" });
        Assert.NotNull(await saga.Exists(orderId, m => m.AwaitingFulfillment, TimeSpan.FromSeconds(5)));
        Assert.Contains("confirm", steps.Calls);
        Assert.Contains(steps.Recorded, e => e is Events.DepositCaptured { Amount: 30m });
    }

    [Fact]
    public async Task PAY5_the_deposit_swipe_authorizes_the_balance_and_what_came_back_is_recorded_on_the_order()
    {
        (steps.DepositDue, steps.BalanceToAuthorize) = (20m, 80m);
        await ConfirmedAsync(new DepositCaptured
        {
            OrderId = orderId, Amount = 20m, AuthorizationToken = "auth-1", CaptureToken = "cap-1", AuthorizedBalance = 80m,
            AuthorizationExpiresAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), SecondCardRequired = false,
        });

        Assert.True(await harness.Published.Any<CaptureDeposit>(m => m.Context.Message.BalanceToAuthorize == 80m));
        Assert.Contains(steps.Recorded, e => e is Events.BalanceAuthorized { Amount: 80m, AuthorizationToken: "auth-1" });
        Assert.DoesNotContain(steps.Recorded, e => e is Events.SecondCardRequired);
    }

    [Fact]
    public async Task PAY7_a_swipe_that_could_not_authorize_the_balance_records_that_a_second_card_is_required()
    {
        (steps.DepositDue, steps.BalanceToAuthorize) = (20m, 80m);
        await ConfirmedAsync(new DepositCaptured
        {
            OrderId = orderId, Amount = 20m, AuthorizationToken = "auth-1", CaptureToken = "cap-1", AuthorizedBalance = 0m, SecondCardRequired = true,
        });

        Assert.Contains(steps.Recorded, e => e is Events.SecondCardRequired { Balance: 80m });
        Assert.DoesNotContain(steps.Recorded, e => e is Events.BalanceAuthorized);
    }

    [Fact]
    public async Task PAY3_a_storefront_order_with_nothing_to_pay_now_still_asks_for_its_authorization()
    {
        (steps.DepositDue, steps.BalanceToAuthorize) = (0m, 120m);
        await ConfirmedAsync(new DepositCaptured { OrderId = orderId, Amount = 0m, AuthorizationToken = "auth-1", AuthorizedBalance = 120m });

        Assert.True(await harness.Published.Any<CaptureDeposit>(m => m.Context.Message.Amount == 0m && m.Context.Message.BalanceToAuthorize == 120m));
        Assert.DoesNotContain(steps.Recorded, e => e is Events.DepositCaptured);
        Assert.Contains(steps.Recorded, e => e is Events.BalanceAuthorized { Amount: 120m });
    }

    [Fact]
    public async Task ORD3_no_deposit_due_confirms_right_after_the_reservation()
    {
        steps.DepositDue = 0m;
        await Reserved();

        Assert.NotNull(await saga.Exists(orderId, m => m.AwaitingFulfillment, TimeSpan.FromSeconds(5)));
        Assert.Contains("confirm", steps.Calls);
        Assert.False(await harness.Published.Any<CaptureDeposit>(m => m.Context.Message.OrderId == orderId));
    }

    [Fact]
    public async Task An_order_carried_out_in_full_is_completed_at_confirmation()
    {
        (steps.DepositDue, steps.CompleteAtConfirm) = (30m, true);
        await Reserved();
        await saga.Exists(orderId, m => m.TakingDeposit, TimeSpan.FromSeconds(5));

        await harness.Bus.Publish(new DepositCaptured { OrderId = orderId, Amount = 30m, AuthorizationToken = "a", CaptureToken = "c" });

        Assert.Null(await saga.NotExists(orderId, TimeSpan.FromSeconds(5)));
        Assert.Contains("confirm", steps.Calls);
    }

    [Fact]
    public async Task PUP4_a_completed_pickup_is_fulfilled_and_the_order_completes_once_its_capture_is_answered()
    {
        await ConfirmedAsync(new DepositCaptured { OrderId = orderId, Amount = 20m, AuthorizationToken = "a", CaptureToken = "c", AuthorizedBalance = 80m });

        await harness.Bus.Publish(Pickup("pickup.1"));
        await UntilAsync(() => steps.Calls.Contains("fulfill:Pickup:pickup.1:7"));
        Assert.NotNull(await saga.Exists(orderId, m => m.AwaitingFulfillment, TimeSpan.FromSeconds(5)));

        steps.CompleteOnCapture = true;
        await harness.Bus.Publish(new FulfillmentPaymentCaptured { OrderId = orderId, FulfillmentId = "pickup.1", Captured = 80m, CaptureTokens = ["cap"] });

        Assert.Null(await saga.NotExists(orderId, TimeSpan.FromSeconds(5)));
        Assert.Contains("captured:pickup.1", steps.Calls);
        Assert.True(await harness.Published.Any<ReleaseOrderAuthorizations>(m => m.Context.Message.OrderId == orderId));
    }

    [Fact]
    public async Task PAY6_an_invoice_of_shipped_lines_is_fulfilled_like_a_pickup()
    {
        await ConfirmedAsync(new DepositCaptured { OrderId = orderId, Amount = 20m, AuthorizationToken = "a", CaptureToken = "c", AuthorizedBalance = 80m });

        await harness.Bus.Publish(new InvoiceShippedLines { OrderId = orderId, InvoiceId = "INV-1", Lines = [new(1, 2)] });

        await UntilAsync(() => steps.Calls.Contains("fulfill:Invoice:invoice.INV-1:"));
        Assert.NotNull(await saga.Exists(orderId, m => m.AwaitingFulfillment, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task PAY9_a_failed_capture_keeps_the_order_open_until_the_new_payment_is_captured()
    {
        await ConfirmedAsync(new DepositCaptured { OrderId = orderId, Amount = 20m, AuthorizationToken = "a", CaptureToken = "c", AuthorizedBalance = 80m });
        await harness.Bus.Publish(Pickup("pickup.1"));
        await UntilAsync(() => steps.Calls.Contains("fulfill:Pickup:pickup.1:7"));

        await harness.Bus.Publish(new FulfillmentPaymentFailed
        {
            OrderId = orderId, FulfillmentId = "pickup.1", Captured = 0m, BalanceDue = 80m, Code = "payment.new_tender_required", Reason = "no",
        });
        await UntilAsync(() => steps.Calls.Contains("failed:pickup.1"));
        Assert.NotNull(await saga.Exists(orderId, m => m.AwaitingFulfillment, TimeSpan.FromSeconds(5)));

        await harness.Bus.Publish(new RetryFulfillmentPayment { OrderId = orderId, FulfillmentId = "pickup.1", PreferredTenderLineId = 2 });
        await UntilAsync(() => steps.Calls.Contains("retry:pickup.1:2"));
        Assert.NotNull(await saga.Exists(orderId, m => m.AwaitingFulfillment, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task ORD8_a_cancellation_releases_the_stock_then_settles_the_payments_with_the_charge_then_cancels_the_order()
    {
        await ConfirmedAsync(new DepositCaptured { OrderId = orderId, Amount = 20m, AuthorizationToken = "a", CaptureToken = "c", AuthorizedBalance = 80m });

        await harness.Bus.Publish(new CancelCustomerOrder { OrderId = orderId, CancellationId = "x1", ChargePercent = 10m });
        Assert.NotNull(await saga.Exists(orderId, m => m.ReleasingForCancellation, TimeSpan.FromSeconds(5)));
        Assert.True(await harness.Published.Any<ReleaseStock>(m => m.Context.Message.OrderId == orderId));
        Assert.False(await harness.Published.Any<SettleCancelledOrderPayments>());

        await harness.Bus.Publish(new StockReleased { OrderId = orderId });
        Assert.NotNull(await saga.Exists(orderId, m => m.SettlingCancellation, TimeSpan.FromSeconds(5)));
        Assert.True(await harness.Published.Any<SettleCancelledOrderPayments>(m =>
            m.Context.Message.CancellationId == "x1" && m.Context.Message.CancellationCharge == FakeSteps.Charge));

        await harness.Bus.Publish(new OrderPaymentsSettled { OrderId = orderId, CancellationId = "x1", Refunded = 10m, Retained = 10m });
        Assert.Null(await saga.NotExists(orderId, TimeSpan.FromSeconds(5)));
        Assert.Contains("cancelled:x1", steps.Calls);
    }

    [Fact]
    public async Task ORD8_a_refused_cancellation_changes_nothing_and_goods_arriving_while_cancelling_are_refused()
    {
        await ConfirmedAsync(new DepositCaptured { OrderId = orderId, Amount = 20m, AuthorizationToken = "a", CaptureToken = "c", AuthorizedBalance = 80m });

        steps.RefuseCancellation = true;
        await harness.Bus.Publish(new CancelCustomerOrder { OrderId = orderId, CancellationId = "refused", ChargePercent = 10m });
        await UntilAsync(() => steps.Recorded.Any(e => e is Events.CancellationRefused { CancellationId: "refused" }));
        Assert.NotNull(await saga.Exists(orderId, m => m.AwaitingFulfillment, TimeSpan.FromSeconds(5)));
        Assert.False(await harness.Published.Any<ReleaseStock>());

        steps.RefuseCancellation = false;
        await harness.Bus.Publish(new CancelCustomerOrder { OrderId = orderId, CancellationId = "x2", ChargePercent = 10m });
        Assert.NotNull(await saga.Exists(orderId, m => m.ReleasingForCancellation, TimeSpan.FromSeconds(5)));
        await harness.Bus.Publish(Pickup("pickup.late"));

        await UntilAsync(() => steps.Recorded.Any(e => e is Events.FulfillmentRefused { FulfillmentId: "pickup.late", Code: "order.cancelled" }));
        Assert.DoesNotContain("fulfill:Pickup:pickup.late:7", steps.Calls);
    }

    /// <summary>Polls an in-memory fact with a deadline: the harness's consumed list may answer before a late message is handled.</summary>
    private static async Task UntilAsync(Func<bool> fact)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!fact())
        {
            Assert.True(DateTime.UtcNow < deadline, "The fact did not come true within 5 s.");
            await Task.Delay(20); // poll
        }
    }

    [Fact]
    public async Task INV7_refused_stock_rejects_the_order_with_the_reason_and_releases_nothing()
    {
        steps.DepositDue = 30m;

        await harness.Bus.Publish(new StockReservationFailed
        {
            OrderId = orderId, ConfirmationNumber = "HOU-AAAAA-BBBBB", Code = "stock.insufficient", Reason = "none left",
        });

        Assert.True(await harness.Consumed.Any<StockReservationFailed>());
        Assert.Null(await saga.NotExists(orderId, TimeSpan.FromSeconds(5)));
        Assert.Equal("stock.insufficient", steps.RejectedWith);
        Assert.Contains(steps.Recorded, e => e is Events.StockReservationFailed { Code: "stock.insufficient" });
        Assert.DoesNotContain("price", steps.Calls);
        Assert.False(await harness.Published.Any<ReleaseStock>(m => m.Context.Message.OrderId == orderId));
    }

    [Fact]
    public async Task ORD3_a_declined_deposit_releases_the_stock_then_rejects_the_order()
    {
        steps.DepositDue = 30m;
        await Reserved();
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
    public async Task A_cart_that_pricing_refuses_releases_the_reserved_stock_then_rejects_the_order_without_asking_for_payment()
    {
        steps.PricingRefusal = "product.not_found";
        await Reserved();

        Assert.NotNull(await saga.Exists(orderId, m => m.Releasing, TimeSpan.FromSeconds(5)));
        Assert.True(await harness.Published.Any<ReleaseStock>(m => m.Context.Message.OrderId == orderId && m.Context.Message.Reason == "product.not_found"));
        Assert.Null(steps.RejectedWith);

        await harness.Bus.Publish(new StockReleased { OrderId = orderId });
        Assert.Null(await saga.NotExists(orderId, TimeSpan.FromSeconds(5)));
        Assert.Equal("product.not_found", steps.RejectedWith);
        Assert.False(await harness.Published.Any<CaptureDeposit>(m => m.Context.Message.OrderId == orderId));
    }

    private PickupCompleted Pickup(string fulfillmentId) => new()
    {
        OrderId = orderId, ConfirmationNumber = "HOU-AAAAA-BBBBB", PickupId = Guid.NewGuid(), StoreId = "SEATTLE", FulfillmentId = fulfillmentId,
        Lines = [new PickupLine { LineId = 1, Sku = "81120", Quantity = 1 }], PreferredTenderLineId = 7, CompletedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>Reserved, priced and paid: the order is confirmed and awaits fulfillment.</summary>
    private async Task ConfirmedAsync(DepositCaptured payment)
    {
        if (steps.DepositDue == 0 && steps.BalanceToAuthorize == 0)
            steps.DepositDue = payment.Amount;
        await Reserved();
        await saga.Exists(orderId, m => m.TakingDeposit, TimeSpan.FromSeconds(5));
        await harness.Bus.Publish(payment);
        Assert.NotNull(await saga.Exists(orderId, m => m.AwaitingFulfillment, TimeSpan.FromSeconds(5)));
    }

    private sealed class FakeSteps : IOrderSteps
    {
        public const decimal Charge = 12.34m;

        public decimal DepositDue { get; set; }
        public decimal BalanceToAuthorize { get; set; }
        public bool CompleteAtConfirm { get; set; }
        public bool CompleteOnCapture { get; set; }
        public bool RefuseCancellation { get; set; }
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
                (saga.DepositDue, saga.BalanceToAuthorize) = (DepositDue, BalanceToAuthorize);
            return Task.CompletedTask;
        }

        public Task<CaptureDeposit> DepositAsync(OrderState saga, CancellationToken ct) => Task.FromResult(new CaptureDeposit
        {
            OrderId = saga.CorrelationId, ConfirmationNumber = saga.ConfirmationNumber, StoreId = "HOUSTON", TenderTypeId = "CARD",
            CardTypeId = "VISA", CardToken = "tok", Amount = saga.DepositDue, Currency = "USD", BalanceToAuthorize = saga.BalanceToAuthorize,
        });

        public Task ConfirmAsync(ConsumeContext context, OrderState saga)
        {
            Calls.Add("confirm");
            saga.Completed = CompleteAtConfirm;
            return Task.CompletedTask;
        }

        public Task FulfillAsync(ConsumeContext context, OrderState saga, FulfillmentRequest request)
        {
            Calls.Add($"fulfill:{request.Source}:{request.FulfillmentId}:{request.PreferredTenderLineId}");
            return Task.CompletedTask;
        }

        public Task PaymentCapturedAsync(OrderState saga, FulfillmentPaymentCaptured captured, CancellationToken ct)
        {
            Calls.Add($"captured:{captured.FulfillmentId}");
            saga.Completed = CompleteOnCapture;
            return Task.CompletedTask;
        }

        public Task PaymentFailedAsync(OrderState saga, FulfillmentPaymentFailed failed, CancellationToken ct)
        {
            Calls.Add($"failed:{failed.FulfillmentId}");
            return Task.CompletedTask;
        }

        public Task RetryPaymentAsync(ConsumeContext context, OrderState saga, RetryFulfillmentPayment retry)
        {
            Calls.Add($"retry:{retry.FulfillmentId}:{retry.PreferredTenderLineId}");
            return Task.CompletedTask;
        }

        public Task CancelAsync(ConsumeContext context, OrderState saga, CancelCustomerOrder cancel)
        {
            if (RefuseCancellation)
                Record(saga, new Events.CancellationRefused(cancel.CancellationId, "order.partially_fulfilled", "no"));
            else
                (saga.CancellationId, saga.CancellationCharge) = (cancel.CancellationId, Charge);
            return Task.CompletedTask;
        }

        public void Cancelled(OrderState saga, OrderPaymentsSettled settled) => Calls.Add($"cancelled:{settled.CancellationId}");

        public void Reject(OrderState saga) => RejectedWith = saga.RejectionCode;

        public void Record(OrderState saga, params object[] events) => Recorded.AddRange(events);
    }
}
