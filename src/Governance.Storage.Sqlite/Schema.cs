using Microsoft.Data.Sqlite;

namespace Governance.Storage.Sqlite;

/// <summary>The store's tables, and how to tell an event store, an empty file and anything else apart.</summary>
internal static class Schema
{
    /// <summary>Marks the file as a Governance event store (SQLite's <c>PRAGMA application_id</c>): "GVNC".</summary>
    public const int ApplicationId = 0x47564E43;

    // position: the log order, 1, 2, 3… (the rowid: appends are at the end of the table's B-tree).
    // stream/version: the request and the event's place in it; unique, which is the optimistic-concurrency guard.
    // at: the event's instant in Unix milliseconds, for SQL queries by time; data holds the exact one.
    // data: the event as RequestEventJson writes it (UTF-8 JSON text, so SQLite's json functions read it).
    public const string Create = """
        CREATE TABLE events (
            position INTEGER PRIMARY KEY,
            stream   TEXT    NOT NULL,
            version  INTEGER NOT NULL,
            type     TEXT    NOT NULL,
            at       INTEGER NOT NULL,
            data     TEXT    NOT NULL,
            UNIQUE (stream, version)
        );
        CREATE TABLE checkpoints (
            name     TEXT    PRIMARY KEY,
            position INTEGER NOT NULL,
            value    TEXT    NOT NULL
        ) WITHOUT ROWID;
        """;

    private static readonly string[] Tables = ["checkpoints", "events"];

    /// <summary>What an open connection's file holds; reads only.</summary>
    public static FileState Inspect(SqliteConnection connection, SqliteTransaction? transaction, string path, int supportedVersion)
    {
        var applicationId = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA application_id"), System.Globalization.CultureInfo.InvariantCulture);
        var userVersion = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        var tables = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        if (applicationId == 0 && userVersion == 0 && tables.Count == 0)
        {
            return FileState.Empty;
        }

        if (applicationId != ApplicationId)
        {
            throw new EventStoreException(EventStoreProblem.NotAnEventStore, path, applicationId != 0
                ? $"{path} is an SQLite database of another application (application_id 0x{applicationId:X8}), not a Governance event store; nothing was changed."
                : $"{path} is an SQLite database with other tables ({string.Join(", ", tables)}), not a Governance event store; nothing was changed.");
        }

        if (userVersion > supportedVersion)
        {
            throw new EventStoreException(EventStoreProblem.NewerSchema, path,
                $"{path} is a Governance event store of schema version {userVersion}, newer than the version {supportedVersion} this library reads; open it with a newer Governance.Storage.Sqlite. Nothing was changed.");
        }

        if (userVersion < 1 || !Tables.All(tables.Contains))
        {
            throw new EventStoreException(EventStoreProblem.NotAnEventStore, path,
                $"{path} is marked as a Governance event store but its schema is incomplete (version {userVersion}, tables: {string.Join(", ", tables)}); nothing was changed.");
        }

        return FileState.Store;
    }

    /// <summary>SQLite says the file is not a database (26) or that it is corrupt (11).</summary>
    public static bool IsCorruption(SqliteException e) => e.SqliteErrorCode is 11 or 26;

    public static EventStoreException Corrupt(string path, SqliteException e) =>
        new(EventStoreProblem.Corrupt, path, $"{path} is not a readable SQLite database (SQLite: {e.Message}); nothing was changed.", e);

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

/// <summary>What a file holds.</summary>
internal enum FileState
{
    /// <summary>Nothing: a new or empty file, to be made a store.</summary>
    Empty,

    /// <summary>A store of a version this library reads.</summary>
    Store,
}
