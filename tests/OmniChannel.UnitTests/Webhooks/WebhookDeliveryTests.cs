using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using OmniChannel.ServiceDefaults.Webhooks;
using StandardWebhooks;

namespace OmniChannel.UnitTests.Webhooks;

/// <summary>INV-2's outbound webhooks: a delivery's attempts, its back-off and its dead letter, and the signature a storefront checks.</summary>
public class WebhookDeliveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 20, 0, 0, TimeSpan.Zero);
    private static readonly WebhookRetryPolicy Policy = new(3, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));

    private static WebhookDelivery New() =>
        WebhookDelivery.Create("inv2_web_0_4", "web", "inventory.sku_status.changed", new Uri("https://shop.example/hooks"), "{}", Now, 0, 4);

    private static WebhookAttempt Answer(int number, int? status, TimeSpan after) =>
        new(number, Now + after, status, 12, status is >= 200 and < 300 ? null : "failed");

    [Fact]
    public void INV2_a_2xx_delivers_and_anything_else_waits_a_doubling_back_off()
    {
        var failed = New().After(Answer(1, 500, TimeSpan.Zero), Policy);
        Assert.Equal(WebhookDeliveryStatus.Pending, failed.Status);
        Assert.Equal(Now + TimeSpan.FromSeconds(30), failed.NextAttemptAt);
        Assert.False(failed.IsDue(Now + TimeSpan.FromSeconds(29)));
        Assert.True(failed.IsDue(Now + TimeSpan.FromSeconds(30)));

        var redirected = failed.After(Answer(2, 302, TimeSpan.FromSeconds(30)), Policy);
        Assert.Equal(Now + TimeSpan.FromSeconds(90), redirected.NextAttemptAt); // 30 s, then 60 s

        var delivered = failed.After(Answer(2, 204, TimeSpan.FromSeconds(30)), Policy);
        Assert.Equal(WebhookDeliveryStatus.Delivered, delivered.Status);
        Assert.Equal([500, 204], delivered.Attempts.Select(a => a.HttpStatus));
        Assert.False(delivered.IsDue(Now + TimeSpan.FromHours(1)));
    }

    [Fact]
    public void INV2_the_last_allowed_failure_dead_letters_the_delivery_and_nothing_is_tried_after_it()
    {
        var delivery = New();
        for (var attempt = 1; attempt <= Policy.MaxAttempts; attempt++)
            delivery = delivery.After(Answer(attempt, attempt == 2 ? null : 503, TimeSpan.FromMinutes(attempt)), Policy);
        Assert.Equal(WebhookDeliveryStatus.DeadLettered, delivery.Status);
        Assert.Equal(3, delivery.Attempts.Count);
        Assert.Throws<InvalidOperationException>(() => delivery.After(Answer(4, 200, TimeSpan.FromHours(1)), Policy));
    }

    [Fact]
    public void INV2_the_back_off_doubles_up_to_its_cap()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Policy.DelayAfter(1));
        Assert.Equal(TimeSpan.FromSeconds(60), Policy.DelayAfter(2));
        Assert.Equal(TimeSpan.FromMinutes(1), Policy.DelayAfter(10));
        Assert.Equal(TimeSpan.FromHours(1), WebhookRetryPolicy.Default.DelayAfter(40));
    }

    [Fact]
    public async Task INV2_the_sender_signs_id_timestamp_and_body_with_the_storefronts_secret_and_logs_the_answer()
    {
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var clock = new FixedClock(DateTimeOffset.UtcNow);
        var storefront = new RecordingHandler(HttpStatusCode.InternalServerError);
        var sender = new SignedWebhookSender(new HttpClient(storefront), clock);

        var attempt = await sender.SendAsync(New() with { Body = """{"type":"inventory.sku_status.changed"}""" }, secret, CancellationToken.None);

        Assert.Equal(1, attempt.Number);
        Assert.Equal(500, attempt.HttpStatus);
        Assert.False(attempt.Acknowledged);
        Assert.Contains("500", attempt.Error);
        var request = Assert.Single(storefront.Requests);
        Assert.Equal("inv2_web_0_4", request.Headers["webhook-id"]);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds().ToString(), request.Headers["webhook-timestamp"]);
        new StandardWebhook(secret).Verify(request.Body, request.Headers); // throws unless the signature is the secret's
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() =>
            new StandardWebhook("whsec_" + Convert.ToBase64String(new byte[32])).Verify(request.Body, request.Headers));
    }

    [Fact]
    public async Task INV2_a_storefront_that_does_not_answer_is_an_attempt_with_no_status_and_its_error()
    {
        var sender = new SignedWebhookSender(new HttpClient(new RefusingHandler()), TimeProvider.System);
        var attempt = await sender.SendAsync(New(), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", CancellationToken.None);
        Assert.Null(attempt.HttpStatus);
        Assert.StartsWith("No answer", attempt.Error);
    }

    private sealed class RecordingHandler(HttpStatusCode status) : HttpMessageHandler
    {
        public List<(HeaderDictionary Headers, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = new HeaderDictionary();
            foreach (var (name, values) in request.Headers)
                headers[name] = new StringValues(values.ToArray());
            Requests.Add((headers, await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(status);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Connection refused");
    }
}
