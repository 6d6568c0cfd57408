using Governance.Core.Requests;

namespace Governance.Core.Desk;

/// <summary>
/// Where a <see cref="RequestDesk"/> writes the events it produces: the record of everything that happened, since the
/// desk itself keeps only open requests and no history.
/// </summary>
/// <remarks>
/// The desk calls <see cref="Append"/> once per operation, with that operation's events in order, never from two
/// threads at once, and after the desk's state has changed: a sink that throws leaves the desk ahead of the sink, so a
/// durable sink should not fail on valid events (rebuild the desk from the store if it does).
/// </remarks>
public interface IRequestEventSink
{
    /// <summary>Receives one operation's events, oldest first. The list is the sink's to keep.</summary>
    /// <param name="events">At least one event.</param>
    void Append(IReadOnlyList<RequestEvent> events);
}

/// <summary>A sink that keeps every event in memory, in the order the desk produced them. Thread-safe.</summary>
public sealed class InMemoryRequestEventSink : IRequestEventSink
{
    private readonly List<RequestEvent> _events = [];
    private readonly Lock _gate = new();

    /// <summary>A copy of every event received so far, oldest first.</summary>
    public IReadOnlyList<RequestEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>How many events it holds.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    /// <inheritdoc/>
    public void Append(IReadOnlyList<RequestEvent> events)
    {
        Preconditions.CheckNotNull(events);
        lock (_gate)
        {
            _events.AddRange(events);
        }
    }

    /// <summary>Forgets every event (for a benchmark that reuses the sink).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _events.Clear();
        }
    }
}

/// <summary>A sink that drops every event; for measurements and callers that only need the desk's state.</summary>
public sealed class NullRequestEventSink : IRequestEventSink
{
    /// <summary>The one instance.</summary>
    public static readonly NullRequestEventSink Instance = new();

    private NullRequestEventSink()
    {
    }

    /// <inheritdoc/>
    public void Append(IReadOnlyList<RequestEvent> events)
    {
    }
}
