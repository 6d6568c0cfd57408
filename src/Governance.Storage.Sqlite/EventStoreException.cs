namespace Governance.Storage.Sqlite;

/// <summary>
/// The store cannot use its file, or cannot read an event in it. The message names the file and, for an event, its
/// position and type. When it is thrown while opening, nothing in the file has been changed.
/// </summary>
public sealed class EventStoreException : Exception
{
    internal EventStoreException(EventStoreProblem problem, string path, string message, Exception? inner = null, long? position = null, string? eventType = null)
        : base(message, inner)
    {
        Problem = problem;
        Path = path;
        Position = position;
        EventType = eventType;
    }

    /// <summary>What is wrong.</summary>
    public EventStoreProblem Problem { get; }

    /// <summary>The database file, as a full path.</summary>
    public string Path { get; }

    /// <summary>The position of the event that could not be read, when the problem is one event.</summary>
    public long? Position { get; }

    /// <summary>The stored type of the event that could not be read, when the problem is one event.</summary>
    public string? EventType { get; }
}

/// <summary>What kind of problem an <see cref="EventStoreException"/> reports.</summary>
public enum EventStoreProblem
{
    /// <summary>The file is not an SQLite database, or SQLite found it corrupt.</summary>
    Corrupt,

    /// <summary>The file is an SQLite database of something else: another application's, or one with other tables.</summary>
    NotAnEventStore,

    /// <summary>The file was written by a newer version of this library, with a schema this version does not know.</summary>
    NewerSchema,

    /// <summary>An event's stored type is not one this version of Governance.Core knows.</summary>
    UnknownEventType,

    /// <summary>An event of a known type could not be read back: its stored JSON is not a valid event of that type.</summary>
    UnreadableEvent,
}
