using System.Net;
using Npgsql;
using OmniChannel.IntegrationTests.Fulfillment;
using OmniChannel.IntegrationTests.Infrastructure;
using OmniChannel.IntegrationTests.Orders;
using static OmniChannel.IntegrationTests.Payments.PaymentApi;

namespace OmniChannel.IntegrationTests.Payments;

/// <summary>PAY-12: no card number is stored anywhere in the platform, nor written to any log: tokens only.</summary>
[Collection(PlatformCollection.Name)]
public class CardNumberScanTests(PlatformFixture platform)
{
    /// <summary>Every test card of the processor emulator's catalogue (services/ProcessorEmulator/TestCards.cs).</summary>
    private static readonly string[] TestCardNumbers =
    [
        "4111111111111111", "5555555555554444", "378282246310005", "6011111111111117", "4000000000000002",
        "4000000000009995", "4000000000003220", "5200828282828210", "4000000000000069", "4000000000000119",
    ];

    private readonly PaymentApi payments = new(platform);

    [Fact]
    public async Task PAY12_after_every_test_card_went_through_the_platform_no_table_and_no_log_line_holds_a_card_number()
    {
        var api = new FulfillmentApi(platform);
        var sku = await api.Orders.NewProductAsync(25.00m, "HOUSTON", onHand: TestCardNumbers.Length);
        foreach (var number in TestCardNumbers)
        {
            // The card as the payment terminal hands it over: a token, as the deposit of an order; declined cards reject it.
            var token = await payments.TokenizeAsync(number);
            var confirmationNumber = await api.Orders.PlaceAsync(FulfillmentApi.Store(token, null, OrderApi.PickupLine(sku, 1, "HOUSTON")));
            var order = await api.Orders.EndStateAsync(confirmationNumber);
            if (order.GetProperty("status").GetString() == "Confirmed")
            {
                using var tender = await payments.PostTenderAsync(confirmationNumber, CardTender(token, 5.00m));
                using var cancel = await api.CancelAsync(order); // refunds the deposit less the charge, voids the rest
                await api.StatusAsync(order, "Cancelled");
            }
            // Card numbers sent where tokens belong are refused before anything is stored.
            using var refusedTender = await payments.PostTenderAsync(confirmationNumber, CardTender(number, 5.00m));
            Assert.Equal(HttpStatusCode.BadRequest, refusedTender.StatusCode);
            using var refusedOrder = await new OrderApi(platform).PostAsync(Guid.NewGuid().ToString("N"), OrderApi.Order("2001", number,
                OrderApi.CarryOutLine("86002", 1)));
            Assert.Equal(HttpStatusCode.BadRequest, refusedOrder.StatusCode);
        }

        var found = await ScanDatabaseAsync();
        Assert.True(found.Count == 0, $"Card numbers stored in: {string.Join(", ", found)}");
        var output = await platform.Platform.ConsoleOutputAsync();
        Assert.Contains("Now listening on", output); // what the scan reads is the services' real console output
        Assert.All(TestCardNumbers, number =>
        {
            Assert.DoesNotContain(number, output);
            Assert.DoesNotContain(Spaced(number), output);
        });
    }

    /// <summary>Every row of every table of every schema of the run's database, as text.</summary>
    private async Task<List<string>> ScanDatabaseAsync()
    {
        await using var data = NpgsqlDataSource.Create(await platform.Platform.ConnectionStringAsync("postgres"));
        var tables = new List<string>();
        await using (var list = data.CreateCommand("select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables " +
                                                   "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')"))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        Assert.Contains(tables, t => t.StartsWith("processor_emulator.", StringComparison.Ordinal));
        Assert.Contains(tables, t => t.StartsWith("payment.", StringComparison.Ordinal));

        var found = new List<string>();
        foreach (var table in tables)
        {
            await using var rows = data.CreateCommand($"select t::text from {table} t");
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = reader.GetString(0);
                found.AddRange(TestCardNumbers.Where(n => row.Contains(n) || row.Contains(Spaced(n))).Select(n => $"{table} (…{n[^4..]})"));
            }
        }
        return found;
    }

    private static string Spaced(string number) => string.Join(' ', number.Chunk(4).Select(c => new string(c)));
}
