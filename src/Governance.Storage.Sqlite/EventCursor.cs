using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Governance.Storage.Sqlite;

/// <summary>
/// Steps through <c>SELECT position, version, type, data FROM events WHERE position > ?</c> with SQLite's own API,
/// parsing each event's JSON straight from SQLite's memory: a replay reads millions of rows, and ADO.NET's reader
/// copies every value out first.
/// </summary>
internal sealed class EventCursor : IDisposable
{
    private const string Sql = "SELECT position, version, type, data FROM events WHERE position > ?1 ORDER BY position";

    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    /// <exception cref="SqliteException">SQLite refused the query (for example, the file is corrupt).</exception>
    public EventCursor(SqliteConnection connection, long afterPosition)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_database, Sql, out _statement));
        Check(raw.sqlite3_bind_int64(_statement, 1, afterPosition));
    }

    /// <summary>The next event, or null after the last.</summary>
    /// <exception cref="SqliteException">SQLite could not read the next row.</exception>
    /// <exception cref="EventStoreException">The row is not an event this version can read.</exception>
    public StoredEvent? Next(SqliteEventStore store)
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_DONE)
        {
            return null;
        }

        if (rc != raw.SQLITE_ROW)
        {
            Check(rc);
        }

        var position = raw.sqlite3_column_int64(_statement, 0);
        var version = raw.sqlite3_column_int64(_statement, 1);
        var type = EventTypes.NameOf(raw.sqlite3_column_blob(_statement, 2));
        return store.Decode(position, version, type, raw.sqlite3_column_blob(_statement, 3)); // a TEXT column's bytes are its UTF-8
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _database);
        }
    }
}
