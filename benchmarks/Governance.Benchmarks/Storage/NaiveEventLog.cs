using Governance.Core.Requests;
using Governance.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Governance.Benchmarks.Storage;

/// <summary>
/// The event log written and read the obvious way with Microsoft.Data.Sqlite, on the store's own schema: the baselines
/// of the storage benchmarks.
/// </summary>
internal static class NaiveEventLog
{
    /// <summary>
    /// One transaction per event, each with a new command and its parameters added by value, the stream's version
    /// looked up by a query: what an event store written without batches or prepared statements does.
    /// </summary>
    public static void Append(string path, IReadOnlyList<RequestEvent> events, StoreDurability durability)
    {
        using (SqliteEventStore.Open(path))
        {
            // The store's schema, in WAL mode.
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = durability == StoreDurability.Full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL";
            pragma.ExecuteNonQuery();
        }

        foreach (var e in events)
        {
            using var transaction = connection.BeginTransaction();
            long version;
            using (var query = connection.CreateCommand())
            {
                query.Transaction = transaction;
                query.CommandText = "SELECT coalesce(max(version), 0) FROM events WHERE stream = $stream";
                query.Parameters.AddWithValue("$stream", e.RequestId.Value);
                version = (long)query.ExecuteScalar()! + 1;
            }

            var json = RequestEventJson.Serialize(e);
            using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO events (stream, version, type, at, data) VALUES ($stream, $version, $type, $at, $data)";
                insert.Parameters.AddWithValue("$stream", e.RequestId.Value);
                insert.Parameters.AddWithValue("$version", version);
                insert.Parameters.AddWithValue("$type", json[9..json.IndexOf('"', 9)]); // {"type":"received",...
                insert.Parameters.AddWithValue("$at", e.At.ToUnixTimeMilliseconds());
                insert.Parameters.AddWithValue("$data", json);
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>Every event in log order, each read as a string and parsed from it.</summary>
    public static int ReadAll(string path, Action<RequestEvent> apply)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT data FROM events ORDER BY position";
        using var reader = command.ExecuteReader();
        var count = 0;
        while (reader.Read())
        {
            apply(RequestEventJson.Deserialize(reader.GetString(0)));
            count++;
        }

        return count;
    }
}
