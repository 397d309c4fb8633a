using System.Diagnostics;
using System.Text.Json;
using Marten;
using OmniChannel.Contracts.Inventory;
using OmniChannel.Order;
using OmniChannel.Order.Features.CreateOrder;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults;
using OmniChannel.ServiceDefaults.Messaging.Outbox;
using OmniChannel.UnitTests.Telemetry;

namespace OmniChannel.UnitTests.Order;

/// <summary>Issue 10: one trace per order (ORD-9's later creation continues the request's trace) and the Order service's meters.</summary>
public class OrderTelemetryTests
{
    private static ValidOrder Order(string storeId, OrderChannel channel = OrderChannel.Store) =>
        new(storeId, "T1", "2001", CustomerType.Consumer, [], new DepositTender("CARD", "VISA", "tok_visa_4242"), 20m, "USD", channel);

    private static TerminalTransaction Transaction(TraceContext? trace) =>
        new($"HOU-T1-{Guid.NewGuid():N}", "HOU-7KQ2M-9XD4T", Guid.NewGuid(), "hash", Order("HOUSTON"), TransactionStatus.Received,
            DateTimeOffset.UtcNow, Trace: trace);

    [Fact]
    public void ORD9_a_stored_transaction_keeps_the_trace_context_of_its_request()
    {
        using var request = new Activity("POST /api/orders") { TraceStateString = "omni=t1" }.Start();
        var transaction = Transaction(TraceContext.Current());
        request.Stop();

        // Marten stores documents as System.Text.Json; what the sync job reads back must still name the request.
        var stored = JsonSerializer.Deserialize<TerminalTransaction>(JsonSerializer.Serialize(transaction))!;

        Assert.Equal(request.Id, stored.Trace?.TraceParent);
        Assert.Equal("omni=t1", stored.Trace?.TraceState);
        Assert.Equal(request.TraceId, stored.Trace!.Parent.TraceId);
        Assert.Equal(request.SpanId, stored.Trace.Parent.SpanId);
    }

    [Fact]
    public void ORD9_an_order_created_later_is_created_in_its_request_trace_and_its_stock_request_carries_that_trace()
    {
        using var traces = Listen();
        using var request = new Activity("POST /api/orders").Start();
        var transaction = Transaction(TraceContext.Current());
        request.Stop();
        using var store = DocumentStore.For(options => // staging only: nothing is saved, nothing connects
        {
            options.Connection("Host=127.0.0.1;Database=unused");
            OrderStore.Configure(options);
        });

        using var batch = CreationTrace.StartBatch([transaction], CreationPath.RealTime);
        using var creation = CreationTrace.StartOrder(transaction, CreationPath.RealTime);
        using var session = store.LightweightSession();
        new OrderCreator(TimeProvider.System).Create(session, transaction, CreationPath.RealTime);

        Assert.NotNull(creation);
        Assert.Equal(request.TraceId, creation.TraceId);
        Assert.Equal(request.SpanId, creation.ParentSpanId);
        Assert.Equal("real_time", creation.GetTagItem(CreationTrace.Path));
        Assert.Equal(request.TraceId, Assert.Single(batch!.Links).Context.TraceId);
        Assert.NotEqual(request.TraceId, batch.TraceId);
        var reservation = Assert.Single(session.PendingChanges.InsertsFor<OutboxMessage>());
        Assert.Contains(nameof(ReserveStock), reservation.MessageType);
        Assert.Equal(creation.Id, reservation.Trace?.TraceParent);
    }

    [Fact]
    public void Accepted_orders_are_counted_by_channel_and_store_and_created_ones_by_path()
    {
        using var meters = new MeterRecorder();
        var store = $"STORE-{Guid.NewGuid():N}";

        OrderMetrics.OrderAccepted(Order(store, OrderChannel.CallCenter));
        OrderMetrics.OrderCreated(CreationPath.Batch);
        OrderMetrics.OrderRejected("pricing.refused");

        var accepted = Assert.Single(meters.Of("omnichannel.order.accepted", (OrderMetrics.StoreTag, store)));
        Assert.Equal(1, accepted.Value);
        Assert.Equal("call_center", accepted.Tags[OrderMetrics.ChannelTag]);
        Assert.Equal("{order}", accepted.Instrument.Unit);
        Assert.NotEmpty(meters.Of("omnichannel.order.created", (OrderMetrics.PathTag, "batch")));
        Assert.NotEmpty(meters.Of("omnichannel.order.rejected", (OrderMetrics.RejectionCodeTag, "pricing.refused")));
    }

    [Fact]
    public void The_pending_gauges_report_what_the_sync_job_last_sampled_without_reading_anything()
    {
        using var meters = new MeterRecorder();
        var now = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

        OrderMetrics.SamplePending(3, now.AddSeconds(-42.5), now);
        meters.Observe();
        OrderMetrics.SamplePending(0, null, now);
        meters.Observe();

        Assert.Equal([3.0, 0.0], meters.Of("omnichannel.channel_transaction.pending").Select(m => m.Value));
        Assert.Equal([42.5, 0.0], meters.Of("omnichannel.channel_transaction.oldest_pending_age").Select(m => m.Value));
        Assert.Equal("s", meters.Of("omnichannel.channel_transaction.oldest_pending_age")[0].Instrument.Unit);
    }

    private static ActivityListener Listen()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ServiceDefaults.Telemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
