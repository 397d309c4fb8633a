using OmniChannel.Order.Features.RecallOrders;

namespace OmniChannel.OrderBenchmark;

/// <summary>A customer of the generated chain: what a terminal searches them by.</summary>
public sealed record RecallCustomer(string Id, string Name, string Email, string Phone);

/// <summary>
/// ORD-6's benchmark data: a chain of <see cref="StoreCount"/> stores (HOUSTON and SEATTLE among them), 200,000 customers
/// with names from 200 first and 1,000 last names, and orders spread over two years: 80 % taken at a terminal, 15 %
/// online, 5 % by the call center; a quarter with a line picked up at another store; statuses as a chain's history has
/// them (mostly completed). From a fixed seed, so every run searches the same data.
/// </summary>
public sealed class RecallData(int orders, DateTimeOffset now)
{
    public const int StoreCount = 50;
    public const int CustomerCount = 200_000;

    private static readonly string[] Syllables =
        ["ka", "ren", "berg", "mi", "lo", "an", "na", "to", "ma", "ri", "sen", "son", "el", "la", "vi", "dor", "ste", "fan", "jo", "han"];

    private static readonly (string Status, int Weight)[] Statuses =
    [
        ("Completed", 50), ("Confirmed", 18), ("Cancelled", 8), ("Rejected", 4), ("PartiallyFulfilled", 5), ("Fulfilled", 5), ("Pending", 5),
        ("Cancelling", 1), ("Priced", 2), ("Reserved", 2),
    ];

    public IReadOnlyList<string> Stores { get; } =
        ["HOUSTON", "SEATTLE", .. Enumerable.Range(3, StoreCount - 2).Select(i => $"STORE-{i:00}")];

    public IReadOnlyList<RecallCustomer> Customers { get; } = BuildCustomers();

    public DateTimeOffset Now => now;

    /// <summary>The orders, in batches for Marten's bulk insert; <paramref name="taken"/> sees each one (who ordered where).</summary>
    public IEnumerable<OrderSummary[]> Batches(int size, Action<OrderSummary, RecallCustomer> taken)
    {
        var random = new Random(6);
        var batch = new List<OrderSummary>(size);
        var totalWeight = Statuses.Sum(s => s.Weight);
        for (var i = 0; i < orders; i++)
        {
            var customer = Customers[random.Next(Customers.Count)];
            var store = Stores[random.Next(Stores.Count)];
            var roll = random.Next(100);
            var channel = roll < 80 ? "Store" : roll < 95 ? "Online" : "CallCenter";
            var pick = random.Next(totalWeight);
            var status = Statuses.First(s => (pick -= s.Weight) < 0).Status;
            var created = now - TimeSpan.FromSeconds(random.NextDouble() * TimeSpan.FromDays(730).TotalSeconds);
            var pickupStore = random.Next(4) == 0 ? Stores[random.Next(Stores.Count)] : store;
            var number = $"{store[..3]}-{i:X10}".Insert(9, "-");
            var summary = new OrderSummary(number, Guid.CreateVersion7(created), store, channel, status,
                status == "Pending" ? 0m : Math.Round((decimal)(10 + random.NextDouble() * 1990), 2), "USD",
                created, created + TimeSpan.FromMinutes(random.Next(0, 60 * 24 * 14)), customer.Id,
                new CustomerContact(customer.Name, customer.Email, customer.Phone), 1 + random.Next(5), pickupStore == store ? [] : [pickupStore]);
            taken(summary, customer);
            batch.Add(summary);
            if (batch.Count == size)
            {
                yield return batch.ToArray();
                batch.Clear();
            }
        }
        if (batch.Count > 0)
            yield return batch.ToArray();
    }

    private static IReadOnlyList<RecallCustomer> BuildCustomers()
    {
        var random = new Random(13);
        string Word(int syllables) => string.Concat(Enumerable.Range(0, syllables).Select(_ => Syllables[random.Next(Syllables.Length)]));
        string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];
        var first = Enumerable.Range(0, 200).Select(_ => Capital(Word(2))).Distinct().ToArray();
        var last = Enumerable.Range(0, 1000).Select(_ => Capital(Word(3))).Distinct().ToArray();
        return Enumerable.Range(0, CustomerCount).Select(i =>
        {
            var (firstName, lastName) = (first[random.Next(first.Length)], last[random.Next(last.Length)]);
            return new RecallCustomer($"C{i:0000000}", $"{firstName} {lastName}", $"{firstName}.{lastName}.{i}@example.com".ToLowerInvariant(),
                $"+1 {200 + i / 10000} 555 {i % 10000:0000}");
        }).ToList();
    }
}
