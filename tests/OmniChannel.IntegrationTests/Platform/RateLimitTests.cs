using System.Net;
using OmniChannel.IntegrationTests.Infrastructure;

namespace OmniChannel.IntegrationTests.Platform;

/// <summary>The gateway's per-client rate limit (the platform of the tests allows 200 a second, 400 at once): over it, 429.</summary>
[Collection(PlatformCollection.Name)]
public class RateLimitTests(PlatformFixture platform)
{
    // Refused by the gateway's own check once admitted, so the flood costs the services nothing.
    private const string Cheap = "/api/inventory/products?search=%00";

    [Fact]
    public async Task A_client_over_its_limit_gets_429_problem_details_with_retry_after()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var limited = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var senders = Enumerable.Range(0, 32).Select(async _ =>
        {
            while (!limited.Task.IsCompleted && !deadline.IsCancellationRequested)
            {
                var response = await platform.Gateway.GetAsync(Cheap, deadline.Token);
                if (response.StatusCode == HttpStatusCode.TooManyRequests && limited.TrySetResult(response))
                    return;
                Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.TooManyRequests, $"{(int)response.StatusCode}");
                response.Dispose();
            }
        }).ToList();
        await Task.WhenAll(senders);

        Assert.True(limited.Task.IsCompleted, "no 429 within 60 s of sending as fast as 32 senders can");
        using var rejected = await limited.Task;
        Assert.True(int.Parse(rejected.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        await Problems.AssertAsync(rejected, HttpStatusCode.TooManyRequests, "rate_limit.exceeded");

        // The bucket refills within seconds: the tests after this one are not limited.
        await Poll.UntilAsync(async () =>
        {
            using var response = await platform.Gateway.GetAsync(Cheap);
            return response.StatusCode == HttpStatusCode.BadRequest;
        }, TimeSpan.FromSeconds(30), "the client's rate limit to refill");
    }
}
