namespace Governance.Storage.Sqlite;

/// <summary>
/// Special values of the expected version passed to <see cref="SqliteEventStore.AppendToStream"/>; any other value
/// is the stream's version the caller last saw (its last event's <see cref="StoredEvent.Version"/>).
/// </summary>
public static class ExpectedVersion
{
    /// <summary>Append whatever the stream holds: no concurrency check.</summary>
    public const long Any = -1;

    /// <summary>The stream must not exist yet: its first event is being appended.</summary>
    public const long NoStream = 0;
}
