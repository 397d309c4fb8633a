namespace OmniChannel.InventoryAllocation.Features.Stock;

/// <summary>
/// The levels as a decision leaves them so far: a decider over several lines sees the units its earlier lines took.
/// Folds with the same <c>Apply</c> methods Marten uses, so the decision and the projection cannot disagree.
/// </summary>
public sealed class Decided(IReadOnlyDictionary<string, StockLevel> levels)
{
    private readonly Dictionary<string, StockLevel> current = new(levels);
    private readonly List<StockChange> changes = [];

    public IReadOnlyList<StockChange> Changes => changes;

    public StockLevel? Level(string id) => current.GetValueOrDefault(id);

    public void Add(string id, object @event)
    {
        changes.Add(new(id, @event));
        current[id] = Fold(current.GetValueOrDefault(id), @event);
    }

    public static StockLevel Fold(StockLevel? level, object @event) => (level, @event) switch
    {
        (null, StockEvent.Opened e) => StockLevel.Create(e),
        (null, _) => throw new InvalidOperationException($"A level's stream starts with {nameof(StockEvent.Opened)}, not {@event.GetType().Name}."),
        (_, StockEvent.Received e) => level.Apply(e),
        (_, StockEvent.Counted e) => level.Apply(e),
        (_, StockEvent.Reserved e) => level.Apply(e),
        (_, StockEvent.Released e) => level.Apply(e),
        (_, StockEvent.CarriedOut e) => level.Apply(e),
        (_, StockEvent.CarryOutReturned e) => level.Apply(e),
        (_, StockEvent.Issued e) => level.Apply(e),
        (_, StockEvent.TransferScheduled e) => level.Apply(e),
        (_, StockEvent.TransferredOut e) => level.Apply(e),
        (_, StockEvent.TransferInTransit e) => level.Apply(e),
        (_, StockEvent.TransferredIn e) => level.Apply(e),
        (_, StockEvent.Allocated e) => level.Apply(e),
        (_, StockEvent.WrittenOff e) => level.Apply(e),
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "A stock event the level does not apply."),
    };
}
