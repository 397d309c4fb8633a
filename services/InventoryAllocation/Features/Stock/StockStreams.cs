using Marten;
using JasperFx.Events;

namespace OmniChannel.InventoryAllocation.Features.Stock;

/// <summary>
/// The edge of every stock decision: the levels' streams are fetched for writing (each remembers the version it was
/// read at), the decision's events appended, and the commit refused if another writer appended first (INV-7: the last
/// units go to one order only; the loser decides again on the new state).
/// </summary>
public sealed class StockStreams
{
    private readonly Dictionary<string, IEventStream<StockLevel>> streams = [];

    private StockStreams() { }

    /// <summary>The levels that exist, by id; a level never stocked is absent.</summary>
    public IReadOnlyDictionary<string, StockLevel> Levels => streams.Where(s => s.Value.Aggregate is not null)
        .ToDictionary(s => s.Key, s => s.Value.Aggregate!);

    public static async Task<StockStreams> FetchAsync(IDocumentSession session, IEnumerable<string> levelIds, CancellationToken ct)
    {
        var fetched = new StockStreams();
        foreach (var id in levelIds.Distinct().Order(StringComparer.Ordinal))
            fetched.streams[id] = await session.Events.FetchForWriting<StockLevel>(id, ct);
        return fetched;
    }

    public void Append(IEnumerable<StockChange> changes)
    {
        foreach (var change in changes)
            streams[change.LevelId].AppendOne(change.Event);
    }
}
