using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OmniChannel.IntegrationTests.Infrastructure;
using RabbitMQ.Client;
using static OmniChannel.IntegrationTests.Orders.OrderApi;

namespace OmniChannel.IntegrationTests.Orders;

/// <summary>
/// Issue 13 points 5 and 6 against the real platform: a message that fails permanently is on the operators' permanent
/// failures (not in <c>_error</c>) and resolved from the dashboard; a message in an error queue is listed without its body
/// and moved back to its queue by the dashboard's command; a channel transaction past the threshold (1 s in this run,
/// PlatformFixture) is listed and degrades the worker's health.
/// </summary>
[Collection(PlatformCollection.Name)]
public class OperatorQueueTests(PlatformFixture platform)
{
    private HttpClient Operator => platform.As(Principal.Operator, "order-worker");

    [Fact]
    public async Task A_message_that_fails_permanently_is_on_the_operators_queue_not_in_the_error_queue_and_is_resolved_with_a_note()
    {
        var (messageId, number) = (NewId.NextGuid(), $"UNKNOWN-{Guid.NewGuid():N}"[..24]);
        await platform.WithBusAsync(bus => bus.Publish(StockReservedFor(number), context => context.MessageId = messageId));

        var failure = await Poll.UntilValueAsync<JsonElement>(async () => (await FailuresAsync("open")).FirstOrDefault(f => f.GetProperty("id").GetString() == messageId.ToString("N"))
            is { ValueKind: JsonValueKind.Object } f ? f : null, TimeSpan.FromSeconds(60), "the stock answer for an unknown order to be recorded");
        Assert.Equal(("order.unknown", number, "StockReserved"), (failure.GetProperty("code").GetString(), failure.GetProperty("subject").GetString(),
            failure.GetProperty("messageType").GetString()));
        // Consumed on purpose: not retried into the error queue.
        var errors = (await Operator.GetFromJsonElementAsync("/operations/error-queues?messages=100")).EnumerateArray().ToList();
        Assert.DoesNotContain(errors.SelectMany(q => q.GetProperty("messages").EnumerateArray()), m => m.GetProperty("messageId").GetString() == messageId.ToString());

        var id = messageId.ToString("N");
        await Problems.AssertAsync(await Operator.PostAsJsonAsync($"/operations/permanent-failures/{id}/resolution", new { note = " " }),
            HttpStatusCode.BadRequest, "resolution.note_required");
        await Problems.AssertAsync(await platform.As(Principal.HoustonManager, "order-worker").PostAsJsonAsync($"/operations/permanent-failures/{id}/resolution",
            new { note = "looked" }), HttpStatusCode.Forbidden, "auth.forbidden");
        await Problems.AssertAsync(await Operator.PostAsJsonAsync("/operations/permanent-failures/no-such-failure/resolution", new { note = "looked" }),
            HttpStatusCode.NotFound, "permanent_failure.not_found");
        await Problems.AssertAsync(await Operator.GetAsync("/operations/permanent-failures?status=everything"), HttpStatusCode.BadRequest, "status.unknown");

        var command = await platform.Platform.ExecuteCommandAsync("order-worker", "resolve-failure", ("id", id),
            ("note", "Inventory confirmed the reservation belonged to a test order; nothing to do."));
        Assert.True(command.Success, command.Message);
        Assert.Contains(await FailuresAsync("resolved"), f => f.GetProperty("id").GetString() == id && f.GetProperty("resolvedBy").GetString() is not null);
        Assert.DoesNotContain(await FailuresAsync("open"), f => f.GetProperty("id").GetString() == id);
        await Problems.AssertAsync(await Operator.PostAsJsonAsync($"/operations/permanent-failures/{id}/resolution", new { note = "again" }),
            HttpStatusCode.Conflict, "permanent_failure.resolved");
    }

    [Fact]
    public async Task A_message_in_an_error_queue_is_listed_without_its_body_and_moved_back_by_the_dashboards_command()
    {
        var sagaQueue = await QueueOfOrderWorkerAsync("order-state");
        var errorQueue = sagaQueue + "_error";
        var (messageId, number) = (NewId.NextGuid(), $"POISON-{Guid.NewGuid():N}"[..24]);
        var rabbit = new Uri(await platform.Platform.ConnectionStringAsync("rabbitmq"));
        // As MassTransit's error transport leaves a message after its retries: the fault headers name where it failed.
        await platform.WithBusAsync(async bus =>
        {
            var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{errorQueue}"));
            await endpoint.Send(StockReservedFor(number), context =>
            {
                context.MessageId = messageId;
                context.Headers.Set(MessageHeaders.Reason, "fault");
                context.Headers.Set(MessageHeaders.FaultInputAddress, new Uri(rabbit, sagaQueue).ToString());
                context.Headers.Set(MessageHeaders.FaultMessage, "The test's poison message.");
                context.Headers.Set(MessageHeaders.FaultExceptionType, "System.InvalidOperationException");
                context.Headers.Set(MessageHeaders.FaultMessageType, "urn:message:OmniChannel.Contracts.Inventory:StockReserved");
                context.Headers.Set(MessageHeaders.FaultTimestamp, DateTimeOffset.UtcNow.ToString("O"));
            });
        });

        var listed = await Poll.UntilValueAsync<JsonElement>(async () =>
        {
            var queues = (await Operator.GetFromJsonElementAsync("/operations/error-queues?messages=100")).EnumerateArray();
            return queues.FirstOrDefault(q => q.GetProperty("queue").GetString() == errorQueue) is { ValueKind: JsonValueKind.Object } queue
                   && queue.GetProperty("messages").EnumerateArray().FirstOrDefault(m => m.GetProperty("messageId").GetString() == messageId.ToString())
                       is { ValueKind: JsonValueKind.Object } m ? m : null;
        }, TimeSpan.FromSeconds(30), $"{errorQueue} to list the poison message");
        Assert.Equal((sagaQueue, "The test's poison message.", "System.InvalidOperationException"), (listed.GetProperty("sourceQueue").GetString(),
            listed.GetProperty("faultReason").GetString(), listed.GetProperty("exceptionType").GetString()));
        Assert.DoesNotContain(number, listed.GetRawText()); // metadata only: nothing of the body

        await Problems.AssertAsync(await Operator.PostAsync($"/operations/error-queues/{errorQueue}/messages/{Guid.NewGuid()}/move-back", null),
            HttpStatusCode.NotFound, "error_queue.message_not_found");
        await Problems.AssertAsync(await Operator.PostAsync($"/operations/error-queues/no-such-queue_error/messages/{messageId}/move-back", null),
            HttpStatusCode.NotFound, "error_queue.not_found");
        await Problems.AssertAsync(await Operator.GetAsync("/operations/error-queues?messages=1000"), HttpStatusCode.BadRequest, "messages.out_of_range");
        await Problems.AssertAsync(await platform.As(Principal.HoustonManager, "order-worker").GetAsync("/operations/error-queues"),
            HttpStatusCode.Forbidden, "auth.forbidden");

        var moved = await platform.Platform.ExecuteCommandAsync("order-worker", "move-back-error-message", ("queue", errorQueue), ("messageId", messageId.ToString()));
        Assert.True(moved.Success, moved.Message);
        // Back on its queue the saga consumes it: a stock answer for an order that does not exist is a permanent failure.
        await Poll.UntilAsync(async () => (await FailuresAsync("all")).Any(f => f.GetProperty("id").GetString() == messageId.ToString("N")),
            TimeSpan.FromSeconds(60), "the moved message to be consumed from its queue");
        var after = (await Operator.GetFromJsonElementAsync("/operations/error-queues?messages=100")).EnumerateArray();
        Assert.DoesNotContain(after.SelectMany(q => q.GetProperty("messages").EnumerateArray()), m => m.GetProperty("messageId").GetString() == messageId.ToString());
    }

    [Fact]
    public async Task A_channel_transaction_older_than_the_threshold_is_listed_and_degrades_the_workers_health()
    {
        var orders = new OrderApi(platform);
        var sku = await orders.NewProductAsync(12.00m, "HOUSTON", onHand: 1);
        await SetDrillAsync(failing: true); // its order waits for the order-sync job (3 s grace, every 5 s): longer than this run's 1 s threshold
        try
        {
            var number = await orders.PlaceAsync(Order("2001", "tok_visa_ok", PickupLine(sku, 1, "HOUSTON")));
            using var health = new HttpClient { BaseAddress = platform.Platform.Endpoint("order-worker"), Timeout = TimeSpan.FromSeconds(10) };
            var (listed, degraded) = (false, false);
            await Poll.UntilAsync(async () =>
            {
                listed |= (await Operator.GetFromJsonElementAsync("/operations/pending-transactions")).EnumerateArray()
                    .Any(t => t.GetProperty("confirmationNumber").GetString() == number && t.GetProperty("ageSeconds").GetDouble() >= 1);
                using var ready = await health.GetAsync("/health/ready");
                var queues = (await ready.ReadJsonAsync()).GetProperty("entries").GetProperty("operator-queues");
                degraded |= queues.GetProperty("status").GetString() == "Degraded" && queues.GetProperty("description").GetString()!.Contains("channel transaction");
                return listed && degraded;
            }, TimeSpan.FromSeconds(30), $"{number} to be listed as overdue and the worker's health to degrade");
        }
        finally
        {
            await SetDrillAsync(failing: false);
        }
    }

    private static Contracts.Inventory.StockReserved StockReservedFor(string number) =>
        new() { OrderId = Guid.NewGuid(), ConfirmationNumber = number, ReservationId = $"test-{Guid.NewGuid():N}" };

    private async Task<IReadOnlyList<JsonElement>> FailuresAsync(string status) =>
        (await Operator.GetFromJsonElementAsync($"/operations/permanent-failures?status={status}")).EnumerateArray().ToList();

    /// <summary>The order worker's receive queue ending in <paramref name="suffix"/>, from the queue directory it writes (ServiceDefaults' QueueDirectory).</summary>
    private async Task<string> QueueOfOrderWorkerAsync(string suffix)
    {
        var factory = new ConnectionFactory { Uri = new Uri(await platform.Platform.ConnectionStringAsync("rabbitmq")) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var got = await channel.BasicGetAsync("omnichannel.queues.order", autoAck: false)
                  ?? throw new InvalidOperationException("The order worker wrote no queue directory.");
        await channel.BasicNackAsync(got.DeliveryTag, multiple: false, requeue: true);
        return Encoding.UTF8.GetString(got.Body.Span).Split('\n').Single(q => q.EndsWith(suffix, StringComparison.Ordinal));
    }

    private async Task SetDrillAsync(bool failing)
    {
        var result = await platform.Platform.ExecuteCommandAsync("order", "real-time-drill", ("failing", failing ? "true" : "false"));
        Assert.True(result.Success, result.Message);
    }
}
