using System.Net;
using System.Text.Json;
using Npgsql;
using OmniChannel.IntegrationTests.Fulfillment;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.IntegrationTests.Orders;
using static OmniChannel.IntegrationTests.Fulfillment.FulfillmentApi;
using static OmniChannel.IntegrationTests.Payments.PaymentApi;

namespace OmniChannel.IntegrationTests.Payments;

/// <summary>
/// Issue 12, point 4: card tokens pay, and a customer's name, e-mail, phone and address are theirs: none of it is written
/// to any log line of any process of the platform (services, gateway, token service, PostgreSQL, RabbitMQ). Logs name
/// orders, customers and payments by their ids; a card token shows at most masked (<c>****</c> and its last four).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LogScanTests(PlatformFixture platform)
{
    private readonly FulfillmentApi api = new(platform);
    private readonly List<string> tokens = [];

    private PaymentApi Payments => api.Payments;

    [Fact]
    public async Task After_a_customers_orders_and_payments_went_through_every_service_no_log_line_holds_a_card_token_or_their_personal_data()
    {
        var customer = SampleCustomer("2001");
        var store = await api.Orders.NewProductAsync(25.00m, "HOUSTON", onHand: 10);
        var shipped = await api.Orders.NewProductAsync(30.00m, "CENTRAL-DC", onHand: 10);

        // Picked up: the deposit's card, a second card at the counter, the pickup captured (PUP-4, PAY-10). The terminal sends
        // the order twice: the second insert of its transaction fails in PostgreSQL, and is answered as the first.
        var placed = Store(await TokenAsync("4111111111111111"), null, OrderApi.PickupLine(store, 1, "HOUSTON"));
        var key = Guid.NewGuid().ToString("N");
        var number = await api.Orders.PlaceAsync(placed, key);
        Assert.Equal(number, await api.Orders.PlaceAsync(placed, key));
        var pickup = await api.Orders.EndStateAsync(number);
        Assert.Equal("Confirmed", pickup.GetProperty("status").GetString());
        await Payments.TenderAsync(Number(pickup), CardTender(await TokenAsync("5555555555554444"), 5.00m, "MC"));
        await api.CompletedAsync(await api.PickupAsync(pickup, "HOUSTON"), (store, 1));
        await api.StatusAsync(pickup, "Completed");

        // Shipped to the customer's address and invoiced (PAY-6).
        var ship = await api.ConfirmedAsync(Store(await TokenAsync("4111111111111111"), null, OrderApi.ShipLine(shipped, 1)));
        using (var invoiced = await api.InvoiceAsync(ship, "INV-LOG-1", (1, 1)))
            Assert.True(invoiced.IsSuccessStatusCode, await invoiced.Content.ReadAsStringAsync());
        await api.StatusAsync(ship, "Completed");

        // Declined at order time: rejected, its stock released.
        var declined = await api.Orders.PlaceAsync(Store(await TokenAsync("4000000000000002"), null, OrderApi.PickupLine(store, 1, "HOUSTON")));
        Assert.Equal("Rejected", (await api.Orders.EndStateAsync(declined)).GetProperty("status").GetString());

        // Online (PAY-3), then cancelled: the authorization voided (ORD-8, PAY-11).
        var online = await api.ConfirmedAsync(Online(await TokenAsync("4111111111111111"), OrderApi.PickupLine(store, 1, "HOUSTON")),
            Principal.Storefront);
        using (var cancelled = await api.CancelAsync(online))
            Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        await api.StatusAsync(online, "Cancelled");

        // A card token with a control character is refused at the edge; the terminal reads the customer (ORD-1).
        var hostile = await TokenAsync("6011111111111117");
        using (var refused = await Payments.PostTenderAsync(Number(pickup), CardTender(hostile + "\n", 1.00m)))
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(customer.GetProperty("email").GetString(),
            (await platform.As(Principal.HoustonCashier).GetFromJsonElementAsync("/api/orders/customers/2001")).GetProperty("email").GetString());

        var output = await platform.Platform.ConsoleOutputAsync();
        Assert.Contains("Now listening on", output); // what the scan reads is the processes' real console output
        var found = tokens.Where(token => output.Contains(token, StringComparison.Ordinal))
            .Select(token => $"card token ****{token[^4..]}: {LineWith(output, token)}")
            .Concat(PersonalData(customer).Where(value => output.Contains(value, StringComparison.OrdinalIgnoreCase))
                .Select(value => $"the customer's {value.Length}-character value: {LineWith(output, value)}"))
            .ToList();
        Assert.True(tokens.Count == 6 && found.Count == 0, string.Join("\n", found));

        // PostgreSQL's own log, in that output too, takes no values either: not a slow or failed statement's parameters, not an
        // error's DETAIL or CONTEXT (a duplicate key, the JSON a document was refused for).
        Assert.Equal(new Dictionary<string, string>
        {
            ["log_error_verbosity"] = "terse", ["log_parameter_max_length"] = "0", ["log_parameter_max_length_on_error"] = "0", ["log_statement"] = "none",
        }, await ServerLogSettingsAsync());
    }

    private async Task<Dictionary<string, string>> ServerLogSettingsAsync()
    {
        await using var data = NpgsqlDataSource.Create(await platform.Platform.ConnectionStringAsync("postgres"));
        await using var command = data.CreateCommand("select name, setting from pg_settings where name in " +
                                                     "('log_error_verbosity', 'log_parameter_max_length', 'log_parameter_max_length_on_error', 'log_statement')");
        await using var reader = await command.ExecuteReaderAsync();
        var settings = new Dictionary<string, string>();
        while (await reader.ReadAsync())
            settings[reader.GetString(0)] = reader.GetString(1);
        return settings;
    }

    private async Task<string> TokenAsync(string cardNumber)
    {
        var token = await Payments.TokenizeAsync(cardNumber);
        tokens.Add(token);
        return token;
    }

    /// <summary>The customer as the sample catalogue (deploy/sample-data/catalog.json) gives them to the Order service.</summary>
    private static JsonElement SampleCustomer(string id) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "sample-data", "catalog.json"))).RootElement
            .GetProperty("customers").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id).Clone();

    private static IEnumerable<string> PersonalData(JsonElement customer) =>
    [
        customer.GetProperty("name").GetString()!, customer.GetProperty("email").GetString()!, customer.GetProperty("phone").GetString()!,
        .. customer.GetProperty("addresses").EnumerateArray().Select(a => a.GetProperty("line1").GetString()!),
    ];

    /// <summary>The offending line, masked, so the failure does not print the value it found.</summary>
    private static string LineWith(string output, string value)
    {
        var line = output.Split('\n').First(l => l.Contains(value, StringComparison.OrdinalIgnoreCase));
        return line.Replace(value, "<…>", StringComparison.OrdinalIgnoreCase);
    }
}
