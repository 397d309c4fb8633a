using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OmniChannel.PaymentToken.Connectors;
using OmniChannel.ProcessorEmulator.Tests.Infrastructure;

namespace OmniChannel.ProcessorEmulator.Tests;

/// <summary>
/// A processor that answers without deciding: a server error is retried under the same key, then reported as an
/// unknown outcome; a 200 that is not an answer, or a 4xx other than key reuse, is never read as a decline.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class NoDecisionTests(EmulatorFixture emulator) : IAsyncLifetime
{
    private readonly ConcurrentQueue<string?> keys = new();
    private WebApplication processor = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Kestrel:Endpoints:http:Url"] = "http://127.0.0.1:0"; // not the port of an appsettings.json
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        processor = builder.Build();
        processor.MapPost("/merchants/{merchantId}/authorizations", (HttpRequest request) =>
        {
            keys.Enqueue(request.Headers["Idempotency-Key"].SingleOrDefault());
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        });
        processor.MapPost("/merchants/{merchantId}/captures", () => Results.Json(new { }));
        processor.MapPost("/merchants/{merchantId}/voids", () => Results.Json(new { outcome = "Declined" }));
        processor.MapPost("/merchants/{merchantId}/refunds", () => Results.Problem(statusCode: 400, extensions: new Dictionary<string, object?> { ["code"] = "capture.token_invalid" }));
        await processor.StartAsync();
    }

    public async Task DisposeAsync() => await processor.DisposeAsync();

    private IPaymentConnector Connector => emulator.Connector(processor: new Uri(processor.Urls.Single()));

    [Fact]
    public async Task A_server_error_is_retried_under_the_same_key_then_is_an_unknown_outcome()
    {
        var failure = await Assert.ThrowsAsync<ProcessorCallException>(() =>
            Connector.AuthorizeAsync("o1:t1:0:Authorize:1", "tok_visa_ok", 20.00m, "USD", false, default));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, failure.Status);
        Assert.Equal(4, keys.Count); // the first attempt and three retries
        Assert.All(keys, key => Assert.Equal("o1:t1:0:Authorize:1", key));
    }

    [Fact]
    public async Task A_body_that_is_not_an_answer_is_an_unknown_outcome_not_a_decline()
    {
        await Assert.ThrowsAsync<ProcessorCallException>(() => Connector.CaptureAsync("o1:t1:0:Capture:1", "auth_x", 20.00m, default));
        await Assert.ThrowsAsync<ProcessorCallException>(() => Connector.VoidAsync("o1:t1:1:Void:1", "auth_x", default)); // declined, but why?
    }

    [Fact]
    public async Task A_refused_request_other_than_key_reuse_is_not_a_decline_either()
    {
        var failure = await Assert.ThrowsAsync<ProcessorCallException>(() => Connector.RefundAsync("o1:t1:1:Refund:1", "cap_x", 5.00m, default));

        Assert.Equal("capture.token_invalid", failure.Code);
    }
}
