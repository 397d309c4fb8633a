// A storefront for trying the e-commerce import (issue 14, docs/storefront-webhooks.md): it signs realistic order
// webhooks with the storefront's secret (Standard Webhooks) and posts them to the gateway of a running platform.
//
//   dotnet run --project AppHost                                   # in one terminal
//   dotnet run --project tests/OmniChannel.StorefrontSimulator -- matched unknown-customer ambiguous corrupt duplicate reservation
//
// Options: --gateway http://127.0.0.1:8080  --storefront web  --secret whsec_…  (the development secret of storefront
// "web" is read from services/Order/appsettings.Development.json when not given)  --count 1 (orders per scenario).
using System.Text;
using System.Text.Json;
using StandardWebhooks;

var options = Options.Parse(args);
if (options.Help)
{
    Console.WriteLine("""
        usage: storefront-simulator [scenario ...] [--gateway URL] [--storefront ID] [--secret whsec_…] [--count N]
        scenarios: matched (karen.berg@example.com, socks by UPC: New)
                   unknown-customer (a new e-mail: Customer ID Required)
                   ambiguous (a UPC and a part number of two products: Product Match Failed)
                   corrupt (an unreadable payload: Process Sale Failed)
                   duplicate (one order sent twice with one webhook id, then under another id: one order)
                   reservation (reserve online, pay in store, PUP-9: no card; stock held at HOUSTON's pickup counter,
                                paid at the counter when collected)
        """);
    return 0;
}

using var http = new HttpClient { BaseAddress = new Uri(options.Gateway), Timeout = TimeSpan.FromSeconds(30) };
var signer = new StandardWebhook(options.Secret ?? DevelopmentSecret());
var failures = 0;
foreach (var scenario in options.Scenarios)
    for (var i = 0; i < options.Count; i++)
        failures += await RunAsync(scenario);
return failures == 0 ? 0 : 1;

async Task<int> RunAsync(string scenario)
{
    var number = $"SIM-{DateTimeOffset.UtcNow:yyyyMMddHHmmss}-{Random.Shared.Next(10_000):D4}";
    string payload = scenario switch
    {
        "matched" => Order(number, "karen.berg@example.com", Line("012345678943", null, 2, 22.00m)),
        "unknown-customer" => Order(number, $"new.customer.{Random.Shared.Next(1_000_000)}@example.com", Line("012345678943", null, 1, 24.50m)),
        "ambiguous" => Order(number, "karen.berg@example.com", Line("012345678943", "WB-1L", 1, 20.00m)),
        "corrupt" => """{"type":"order.created","order":{"number":""" + "\"" + number + "\"" + ""","lines":"three shoes"}}""",
        "duplicate" => Order(number, "karen.berg@example.com", Line("012345678905", null, 1, 119.99m)),
        "reservation" => Order(number, "karen.berg@example.com", Line("012345678943", null, 1, 22.00m), reserve: true),
        _ => throw new ArgumentException($"Unknown scenario '{scenario}' (--help lists them)."),
    };
    var webhookId = $"wh_{Guid.NewGuid():N}";
    var failed = await PostAsync(scenario, webhookId, payload);
    if (scenario == "duplicate")
    {
        // A retry is signed again when it is sent: a new timestamp (the very same signed request again is a replay, 401).
        failed += await PostAsync("duplicate (the same webhook id, signed again)", webhookId, payload, DateTimeOffset.UtcNow.AddSeconds(1));
        failed += await PostAsync("duplicate (the same order, another webhook id)", $"wh_{Guid.NewGuid():N}", payload);
    }
    var id = scenario == "corrupt" ? $"ECM-{options.Storefront}-webhook-{webhookId}" : $"ECM-{options.Storefront}-{number}";
    Console.WriteLine($"  e-commerce order: GET /api/orders/ecommerce/{id} (as a store manager or an operator)");
    return failed;
}

async Task<int> PostAsync(string what, string webhookId, string payload, DateTimeOffset? signedAt = null)
{
    var at = signedAt ?? DateTimeOffset.UtcNow;
    using var content = new StringContent(payload, Encoding.UTF8, "application/json");
    content.Headers.Add("webhook-id", webhookId);
    content.Headers.Add("webhook-timestamp", at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
    content.Headers.Add("webhook-signature", signer.Sign(webhookId, at, payload));
    HttpResponseMessage response;
    try
    {
        response = await http.PostAsync($"/api/storefronts/{options.Storefront}/webhooks", content);
    }
    catch (HttpRequestException exception)
    {
        Console.Error.WriteLine($"{what}: no answer from {options.Gateway} ({exception.Message}); is the platform running (dotnet run --project AppHost)?");
        return 1;
    }
    using var _ = response;
    Console.WriteLine($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    return response.IsSuccessStatusCode ? 0 : 1;
}

static string Order(string number, string email, object line, bool reserve = false) => JsonSerializer.Serialize(new
{
    type = "order.created",
    order = new
    {
        number, placedAt = DateTimeOffset.UtcNow, pickupStoreId = "HOUSTON", currency = "USD",
        customer = new
        {
            id = "cus_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(email)))[..12], email, name = "Simulated Customer", phone = "+1 713 555 0100",
            acceptsMarketing = true,
            shippingAddress = new { line1 = "77 Webster St", city = "Houston", region = "TX", postalCode = "77002", country = "US" },
        },
        lines = new[] { line },
        payment = reserve ? (object)new { kind = "reserve" } : new { kind = "card", cardTypeId = "VISA", cardToken = "tok_visa_ok" },
    },
});

static object Line(string? upc, string? partNumber, int quantity, decimal unitPrice) =>
    new { upc, partNumber, description = "Simulated storefront product", quantity, unitPrice };

static string DevelopmentSecret()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        var settings = Path.Combine(dir.FullName, "services", "Order", "appsettings.Development.json");
        if (File.Exists(settings))
            return JsonDocument.Parse(File.ReadAllText(settings)).RootElement.GetProperty("Storefronts").GetProperty("web")
                .GetProperty("WebhookSecret").GetString()!;
    }
    throw new InvalidOperationException("Run from the repository, or pass --secret whsec_….");
}

internal sealed record Options(IReadOnlyList<string> Scenarios, string Gateway, string Storefront, string? Secret, int Count, bool Help)
{
    public static Options Parse(string[] args)
    {
        var scenarios = new List<string>();
        var (gateway, storefront, secret, count, help) = ("http://127.0.0.1:8080", "web", (string?)null, 1, false);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--gateway": gateway = args[++i]; break;
                case "--storefront": storefront = args[++i]; break;
                case "--secret": secret = args[++i]; break;
                case "--count": count = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--help" or "-h": help = true; break;
                default: scenarios.Add(args[i]); break;
            }
        }
        return new Options(scenarios.Count == 0 ? ["matched"] : scenarios, gateway, storefront, secret, count, help);
    }
}
