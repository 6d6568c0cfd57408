using Governance.Core.Requests;
using Governance.Samples.Tongzhou.Simulation;
using Governance.Storage.Sqlite;

namespace Governance.Samples.Tongzhou.Storage;

/// <summary>The durable store: a Governance.Storage.Sqlite event store, the simulation's checkpoint saved with each hour's events.</summary>
public sealed class SqliteSimulationStore : ISimulationStore
{
    /// <summary>The name the simulation's checkpoint is saved under.</summary>
    public const string CheckpointName = "tongzhou-simulation";

    private readonly SqliteEventStore _store;

    private SqliteSimulationStore(SqliteEventStore store) => _store = store;

    /// <summary>Opens (or creates) the database at <paramref name="path"/>.</summary>
    /// <exception cref="SimulationException">The file is corrupt, another application's, or of a newer schema; it is left as it was.</exception>
    public static SqliteSimulationStore Open(string path)
    {
        try
        {
            return new SqliteSimulationStore(SqliteEventStore.Open(path));
        }
        catch (EventStoreException e)
        {
            throw new SimulationException(e.Message);
        }
    }

    public string Description => _store.Path;

    public long EventCount => Guard(() => _store.LastPosition);

    public string? LastCheckpoint => Guard(() => _store.ReadCheckpoint(CheckpointName) is { } checkpoint
        ? checkpoint.Position == _store.LastPosition
            ? checkpoint.Value
            : throw new SimulationException($"{_store.Path} holds events after the simulation's last checkpoint (position {checkpoint.Position} of {_store.LastPosition}): another program wrote to it, and the run cannot be resumed.")
        : null);

    public IEnumerable<RequestEvent> ReadAll()
    {
        // Read lazily, but turn the store's errors (an unknown event type, unreadable data) into the simulation's.
        using var all = Guard(() => _store.ReadAll().GetEnumerator());
        while (Guard(all.MoveNext))
        {
            yield return all.Current.Event;
        }
    }

    public void Append(IReadOnlyList<RequestEvent> events, string checkpoint) =>
        Guard(() => _store.Append(events, new StoreCheckpoint(CheckpointName, checkpoint)));

    public void Dispose() => _store.Dispose();

    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (EventStoreException e)
        {
            throw new SimulationException(e.Message);
        }
    }
}
