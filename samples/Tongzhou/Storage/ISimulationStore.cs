using Governance.Core.Requests;

namespace Governance.Samples.Tongzhou.Storage;

/// <summary>
/// Where a run keeps its events and how far it got. Each simulated hour's events are appended together with the
/// checkpoint reached (JSON) in one transaction, so a store never holds events beyond its last checkpoint.
/// </summary>
public interface ISimulationStore : IDisposable
{
    /// <summary>Where the data is, for messages ("memory", or the database file).</summary>
    string Description { get; }

    /// <summary>How many events it holds.</summary>
    long EventCount { get; }

    /// <summary>The last checkpoint written, or null when nothing has been.</summary>
    string? LastCheckpoint { get; }

    /// <summary>Every event, oldest first.</summary>
    IEnumerable<RequestEvent> ReadAll();

    /// <summary>Appends <paramref name="events"/> (possibly none) and <paramref name="checkpoint"/> in one transaction.</summary>
    void Append(IReadOnlyList<RequestEvent> events, string checkpoint);
}

/// <summary>Keeps everything in memory: fast, gone when the process ends. The same object can be resumed within a process.</summary>
public sealed class MemorySimulationStore : ISimulationStore
{
    private readonly List<RequestEvent> _events = [];

    public string Description => "memory";

    public long EventCount => _events.Count;

    public string? LastCheckpoint { get; private set; }

    public IEnumerable<RequestEvent> ReadAll() => _events;

    public void Append(IReadOnlyList<RequestEvent> events, string checkpoint)
    {
        _events.AddRange(events);
        LastCheckpoint = checkpoint;
    }

    public void Dispose()
    {
    }
}
