using System.Diagnostics;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OmniChannel.Contracts.Inventory;
using OmniChannel.InventoryAllocation;
using OmniChannel.InventoryAllocation.Features.Allocation;
using OmniChannel.InventoryAllocation.Features.FulfillmentFlags;
using OmniChannel.InventoryAllocation.Features.Reservations;
using OmniChannel.InventoryAllocation.Features.Stock;
using OmniChannel.ServiceDefaults.Messaging.Outbox;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.AllocationBenchmark;

public sealed record WholeRunResult(AllocationOption Option, TimeSpan Elapsed, IReadOnlyList<OrderAllocation> Plan, int MessagesStaged);

/// <summary>
/// INV-4's whole run on PostgreSQL: what POST /api/inventory/allocation-runs does (<see cref="AllocationRun.MakeAsync"/>),
/// timed from opening the request's session to its commit: reading the reservations, flags and stock levels, planning,
/// appending the Allocated events, storing the reservations and the run, staging the StockAllocated messages to the Order
/// service in the outbox. The service's own Marten registration (AddMartenStore("inventory", InventoryStore.Configure),
/// with the outbox sessions) in this process, on a new database per option; no bus, so the staged messages stay staged.
/// Seeding is not timed: the candidates' reservations (INV-7, as ReserveStockConsumer stores them), their flags (INV-3),
/// and each level's stream (opened, received, one Reserved event per line, then written off to two thirds of what the
/// lines reserve, as the planner-only figures assume).
/// </summary>
public static class WholeRun
{
    private const string WarmUpSku = "WARMUP";

    public static async Task<WholeRunResult> MeasureAsync(LocalPostgres server, IReadOnlyList<Candidate> candidates, AllocationOption option)
    {
        var (connectionString, drop) = await server.AddDatabaseAsync($"allocbench_{option.ToString().ToLowerInvariant()}");
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "inventory", EnvironmentName = "Production" });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Configuration["ConnectionStrings:postgres"] = connectionString;
            builder.AddMartenStore("inventory", InventoryStore.Configure);
            using var host = builder.Build();
            await host.StartAsync(); // applies the schema (ApplyAllDatabaseChangesOnStartup)
            try
            {
                var store = host.Services.GetRequiredService<IDocumentStore>();
                var warmUp = await SeedAsync(store, candidates);

                // Marten generates and compiles each query's and each storage's code on first use: a run of one order of its
                // own (on a level no candidate uses) takes that cost out of the figure, as a service's first run pays it once.
                await RunAsync(host.Services, $"warm-up-{option}", option, [warmUp]);
                var stagedBefore = await StagedAsync(store);
                var watch = Stopwatch.StartNew();
                var run = await RunAsync(host.Services, $"benchmark-{option}", option, null);
                watch.Stop();
                return new WholeRunResult(option, watch.Elapsed, run.Orders, await StagedAsync(store) - stagedBefore);
            }
            finally
            {
                await host.StopAsync();
            }
        }
        finally
        {
            await drop();
        }
    }

    /// <summary>As the endpoint: a scope (a request's), its session, the run made and committed.</summary>
    private static async Task<AllocationRunRecord> RunAsync(IServiceProvider services, string runId, AllocationOption option, IReadOnlyList<Guid>? orderIds)
    {
        await using var scope = services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        return await AllocationRun.MakeAsync(session, TimeProvider.System, runId, option, orderIds,
            AllocationRunEndpoint.Fingerprint(option, orderIds), CancellationToken.None);
    }

    private static async Task<int> StagedAsync(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        return await session.Query<OutboxMessage>().CountAsync();
    }

    /// <summary>The candidates as the service stores them; answers the warm-up order's id.</summary>
    private static async Task<Guid> SeedAsync(IDocumentStore store, IReadOnlyList<Candidate> candidates)
    {
        var reservations = candidates.Select(c => new Reservation(c.OrderId, c.ConfirmationNumber, ReservationStatus.Active,
            c.Lines.Select(l => new ReservationLine
            {
                LineId = l.LineId, Sku = l.Sku, Quantity = l.Quantity, LocationId = l.LocationId, Kind = ReservationKind.Ship,
                ShipTo = c.BatchKey?.Split('|')[1],
            }).ToList(), null, null, c.OrderedAt, CustomerId: c.BatchKey?.Split('|')[0])).ToList();
        var warmUpLocation = candidates.SelectMany(c => c.Lines).First().LocationId;
        var warmUp = new Reservation(Guid.NewGuid(), "CN-WARMUP", ReservationStatus.Active,
            [new ReservationLine { LineId = 1, Sku = WarmUpSku, Quantity = 1, LocationId = warmUpLocation, Kind = ReservationKind.Ship }],
            null, null, DateTimeOffset.UtcNow);
        reservations.Add(warmUp);

        // Each level's stream: opened, the goods received, each line's reservation, then a write-off to two thirds of the demand.
        var streams = reservations.SelectMany(r => r.Lines.Select(l => (Level: StockLevel.IdFor(l.LocationId, l.Sku), Line: l, Order: r.Id)))
            .GroupBy(x => x.Level)
            .Select(g =>
            {
                var first = g.First().Line;
                var demand = g.Sum(x => x.Line.Quantity);
                var onHand = first.Sku == WarmUpSku ? demand : demand * 2 / 3;
                var events = new List<object> { new StockEvent.Opened(first.LocationId, first.Sku), new StockEvent.Received(demand, "allocation benchmark") };
                events.AddRange(g.Select(x => new StockEvent.Reserved(x.Order, x.Line.LineId, x.Line.Quantity)));
                if (demand > onHand)
                    events.Add(new StockEvent.WrittenOff(demand - onHand, "allocation benchmark: short stock"));
                return (Id: g.Key, Events: events.ToArray());
            }).ToList();
        foreach (var chunk in streams.Chunk(10))
        {
            await using var session = store.LightweightSession();
            foreach (var (id, events) in chunk)
                session.Events.StartStream<StockLevel>(id, events);
            await session.SaveChangesAsync();
        }

        var flags = candidates.Where(c => c.Hold || c.Priority)
            .Select(c => new OrderFulfillmentFlags(c.OrderId, c.Hold, Flag: false, c.Priority, null, c.OrderedAt)).ToList();
        foreach (var chunk in reservations.Chunk(1_000))
        {
            await using var session = store.LightweightSession();
            session.Insert(chunk);
            await session.SaveChangesAsync();
        }
        foreach (var chunk in flags.Chunk(1_000))
        {
            await using var session = store.LightweightSession();
            session.Store(chunk);
            await session.SaveChangesAsync();
        }
        return warmUp.Id;
    }
}
