using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace OmniChannel.PaymentToken.Connectors;

/// <summary>
/// Every connector of this platform is served by the processor emulator over HTTP, on one typed client; a real
/// acquirer's would be chosen here by connector id.
/// </summary>
public sealed class HttpConnectors(HttpClient http) : IConnectors
{
    public IPaymentConnector For(string connectorId, string merchantId, bool cardPresent) => new HttpConnector(connectorId, merchantId, cardPresent, http);
}

public static class HttpConnectorsSetup
{
    /// <summary>The processor's address under Aspire: service discovery reads <c>services__processor-emulator__http__0</c>.</summary>
    public const string DefaultUrl = "http://processor-emulator";

    /// <summary>
    /// The connectors on <c>Payments:Processor:Url</c>, or the processor-emulator resource. Retrying a call is safe:
    /// each attempt carries the same idempotency key and request, and the processor answers a repeat as the first time
    /// (a retry of a call still running waits for it). The whole call, retries included, ends within
    /// <see cref="Features.Recovery.RecoveryOptions.Grace"/> (10 s), so PendingCallRecovery does not make again a call that
    /// a request is still making; if it did, the answer would be the same. What is left then throws: unknown, not declined.
    /// </summary>
    public static IHostApplicationBuilder AddHttpConnectors(this IHostApplicationBuilder builder)
    {
        var url = builder.Configuration["Payments:Processor:Url"] is { Length: > 0 } configured ? configured : DefaultUrl;
        var baseAddress = new Uri(url.EndsWith('/') ? url : url + "/"); // the API's paths are relative to it
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way to replace the default one.
        builder.Services.AddHttpClient<IConnectors, HttpConnectors>(http => http.BaseAddress = baseAddress)
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(options =>
            {
                options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(3);
                options.Retry.MaxRetryAttempts = 3;
                options.Retry.Delay = TimeSpan.FromMilliseconds(250);
                options.Retry.BackoffType = DelayBackoffType.Exponential;
                options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(8);
            });
#pragma warning restore EXTEXP0001
        return builder;
    }
}
