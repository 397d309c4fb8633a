using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using StandardWebhooks;

namespace OmniChannel.ServiceDefaults.Webhooks;

/// <summary>
/// Sends a webhook to a storefront as Standard Webhooks says (https://www.standardwebhooks.com): headers
/// <c>webhook-id</c>, <c>webhook-timestamp</c> (Unix seconds) and <c>webhook-signature</c> (<c>v1,</c> + base64
/// HMAC-SHA256 with the storefront's secret over <c>id.timestamp.body</c>), signed afresh on every attempt so the
/// storefront's replay window holds. One attempt per call, and no retries inside it: the caller's delivery log says
/// when the next one is due (<see cref="WebhookDelivery.After"/>), so every attempt is seen.
/// </summary>
public sealed class SignedWebhookSender(HttpClient http, TimeProvider clock)
{
    /// <summary>How long a storefront has to answer one attempt.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<WebhookAttempt> SendAsync(WebhookDelivery delivery, string secret, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        var number = delivery.Attempts.Count + 1;
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("webhook-id", delivery.Id);
        request.Headers.Add("webhook-timestamp", at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", new StandardWebhook(secret).Sign(delivery.Id, at, delivery.Body));
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return new WebhookAttempt(number, at, status, watch.Elapsed.TotalMilliseconds,
                status is >= 200 and < 300 ? null : $"The storefront answered {status} {response.ReasonPhrase}.");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(number, at, null, watch.Elapsed.TotalMilliseconds, exception is TaskCanceledException
                ? $"No answer within {Timeout.TotalSeconds:0} s."
                : $"No answer: {exception.Message}");
        }
    }
}

public static class SignedWebhookRegistration
{
    /// <summary>
    /// The sender, on an HttpClient of its own rather than the factory's: every factory client gets the platform's
    /// standard resilience handler, whose retries would hide attempts from the delivery log and keep a job waiting on a
    /// storefront that is down. Connections are renewed every few minutes so a storefront's DNS change is followed.
    /// </summary>
    public static IServiceCollection AddSignedWebhookSender(this IServiceCollection services)
    {
        services.AddSingleton(provider => new SignedWebhookSender(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan, // each attempt has its own (SignedWebhookSender.Timeout)
            },
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
