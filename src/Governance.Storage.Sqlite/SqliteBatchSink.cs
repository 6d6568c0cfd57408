using Governance.Core.Desk;
using Governance.Core.Requests;

namespace Governance.Storage.Sqlite;

/// <summary>
/// Gathers a desk's events in memory and appends them to its <see cref="SqliteEventStore"/> only on
/// <see cref="Commit"/>, all in one transaction with a checkpoint. Many desk operations then cost one commit, and a
/// simulation's checkpoint is stored exactly with the events that led to it: after a crash the log ends where a
/// checkpoint says, never half-way through a step.
/// </summary>
/// <remarks>
/// Until <see cref="Commit"/> returns, the gathered events exist only here: a crash loses them (and only them).
/// Thread-safe; the desk calls <see cref="Append"/> under its own lock.
/// </remarks>
public sealed class SqliteBatchSink : IRequestEventSink
{
    private readonly SqliteEventStore _store;
    private readonly List<RequestEvent> _pending = [];
    private readonly Lock _gate = new();

    internal SqliteBatchSink(SqliteEventStore store) => _store = store;

    /// <summary>The store it commits to.</summary>
    public SqliteEventStore Store => _store;

    /// <summary>How many events wait for the next commit.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Keeps the events for the next commit; writes nothing.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    public void Append(IReadOnlyList<RequestEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (_gate)
        {
            _pending.AddRange(events);
        }
    }

    /// <summary>
    /// Appends every pending event and <paramref name="checkpoint"/> in one transaction (see
    /// <see cref="SqliteEventStore.Append(IReadOnlyList{RequestEvent}, StoreCheckpoint)"/>), then forgets the events.
    /// When it throws, nothing was written and the events stay pending.
    /// </summary>
    /// <param name="checkpoint">Saved with the events; none when null.</param>
    /// <returns>Where the events went.</returns>
    public AppendResult Commit(StoreCheckpoint? checkpoint = null)
    {
        lock (_gate)
        {
            var result = _store.Append(_pending, checkpoint);
            _pending.Clear();
            return result;
        }
    }

    /// <summary>Forgets the pending events without writing them.</summary>
    public void Discard()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
    }
}
