using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace OmniChannel.IntegrationTests.Infrastructure;

/// <summary>One request the test storefront received, and what it answered.</summary>
public sealed record ReceivedStorefrontWebhook(string Path, string WebhookId, string Timestamp, string Signature, string Body, int Answered);

/// <summary>
/// A storefront's webhook endpoint in the test process: a real HTTP listener on a free loopback port, named to the
/// platform as storefront <see cref="Id"/> (its URL and a signing secret of this run, through AppHost's configuration),
/// so INV-2's push reaches it over HTTP as it would reach a retailer's storefront. It answers 200, or once 500 to the
/// first webhook whose body holds a text a test named (<see cref="FailOnceWhenBodyContains"/>).
/// </summary>
public sealed class TestStorefront : IAsyncDisposable
{
    public const string Id = "test-storefront";

    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<ReceivedStorefrontWebhook> received = new();
    private readonly ConcurrentDictionary<string, bool> failOnce = new(StringComparer.Ordinal);
    private readonly Task serving;

    private TestStorefront(int port)
    {
        Url = new Uri($"http://127.0.0.1:{port}/webhooks/");
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>This run's signing secret, in Standard Webhooks' form.</summary>
    public string Secret { get; } = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public IReadOnlyCollection<ReceivedStorefrontWebhook> Received => received.ToArray();

    /// <summary>The platform's arguments that name this storefront to the Inventory service.</summary>
    public string[] PlatformArguments =>
        [$"--Storefronts:{Id}:WebhookUrl={Url}", $"--Storefronts:{Id}:WebhookSecret={Secret}"];

    public static TestStorefront Start()
    {
        // A free port: the system's choice for a socket, given back at once for the listener to take.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new TestStorefront(port);
    }

    public void FailOnceWhenBodyContains(string text) => failOnce[text] = true;

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var status = failOnce.Keys.FirstOrDefault(body.Contains) is { } text && failOnce.TryRemove(text, out _) ? 500 : 200;
            var headers = context.Request.Headers;
            received.Enqueue(new ReceivedStorefrontWebhook(context.Request.Url!.AbsolutePath, headers["webhook-id"] ?? "",
                headers["webhook-timestamp"] ?? "", headers["webhook-signature"] ?? "", body, status));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await serving;
    }
}
