using OmniChannel.HostileInput.Engine;
using OmniChannel.IntegrationTests.Infrastructure;

// Sends generated hostile requests to every route the gateway's OpenAPI documents describe — control characters,
// absurd numbers, null elements, unknown enum values, wrong types, deep and huge bodies, hostile path, query and
// header values — as every client (anonymous, a cashier, a storefront, a merchandiser), compares every table of the
// platform's PostgreSQL before and after, and prints the 5xx answers, the errors that are not problem details with a
// code, the statuses an operation answered that its OpenAPI document does not declare, and the tables that changed.
// Exit code 1 when any of those is found.
//
//   dotnet run --project tests/OmniChannel.HostileInput -- [--count 5000] [--seed 1]
//
// It starts its own platform in this process (AppHost through Aspire.Hosting.Testing: free ports, its own PostgreSQL
// and RabbitMQ, data deleted afterwards). The integration tests run the same engine with a smaller count.
var count = Argument("--count", 5000);
var seed = Argument("--seed", 1);
Console.WriteLine($"OmniChannel hostile-input run: about {count} requests, seed {seed}");

await using var platform = await PlatformHost.StartAsync(TimeSpan.FromMinutes(10));
using var gateway = new HttpClient { BaseAddress = platform.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
HostileClient[] clients =
[
    new("anonymous", gateway), new("cashier", platform.Client(Principal.HoustonCashier)),
    new("storefront", platform.Client(Principal.Storefront)), new("merchandiser", platform.Client(Principal.Merchandiser)),
];
var report = await HostileRun.RunAsync(gateway, clients, await platform.ConnectionStringAsync("postgres"),
    count, seed, CancellationToken.None);
Console.WriteLine(report.Summary());
return report.Passed ? 0 : 1;

int Argument(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}
