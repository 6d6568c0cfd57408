using Governance.Core;
using Governance.Core.Desk;
using Governance.Core.Requests;
using Microsoft.Data.Sqlite;

namespace Governance.Storage.Sqlite;

/// <summary>
/// An append-only log of request events in one SQLite file: the durable record a <see cref="RequestDesk"/> writes to
/// (it is an <see cref="IRequestEventSink"/>) and that projections and a resumed desk read back.
/// </summary>
/// <remarks>
/// <para><b>Order.</b> Every event has a position in the whole log (1, 2, 3… with no gaps, in append order) and a
/// version in its request's stream (1 for the request's first event). Reading gives events in that order.</para>
/// <para><b>Batches.</b> Each append is one transaction in SQLite's write-ahead-log mode: all of its events, and the
/// checkpoint given with it, are stored or none is, whatever happens to the process. A commit returns only once the
/// batch is durable (see <see cref="SqliteEventStoreOptions.Durability"/>). Append many events at once: the cost of an
/// append is mostly its commit.</para>
/// <para><b>Concurrency.</b> <see cref="AppendToStream"/> checks the version the caller expects. <see cref="Append(IReadOnlyList{RequestEvent})"/>
/// expects each request's stream where this store instance last saw it, so that another writer on the same file
/// (another process, another instance) cannot interleave a request's events unnoticed: the append is refused with
/// <see cref="StreamVersionConflictException"/> and nothing is written.</para>
/// <para><b>Bad files.</b> Opening a file that is not an SQLite database, another application's database, or a store
/// written by a newer version of this library throws <see cref="EventStoreException"/> naming the file, and changes
/// nothing in it. Reading an event of a type this version does not know throws the same exception naming the event's
/// position and type.</para>
/// <para><b>Threads.</b> Safe for concurrent callers; appends are serialised. <see cref="ReadAll"/> reads on its own
/// connection, from a snapshot taken when the enumeration starts, so it may run beside appends.</para>
/// </remarks>
public sealed class SqliteEventStore : IRequestEventSink, IDisposable
{
    /// <summary>The schema version this library writes and reads (SQLite's <c>PRAGMA user_version</c>).</summary>
    public const int SchemaVersion = 1;

    private readonly SqliteConnection _connection;
    private readonly string _readConnectionString;
    private readonly Lock _gate = new();

    // Each stream's version as this instance last saw it: the expected version of Append's events.
    private readonly Dictionary<RequestId, long> _versions = [];
    private readonly Dictionary<RequestId, long> _batchVersions = [];
    private bool _versionsLoaded;
    private bool _othersWrite; // another writer appended since the versions were loaded: check each stream against the file
    private long _head; // the log's last position as this instance last saw it

    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _position;
    private readonly SqliteParameter _stream;
    private readonly SqliteParameter _version;
    private readonly SqliteParameter _type;
    private readonly SqliteParameter _at;
    private readonly SqliteParameter _data;
    private readonly SqliteCommand _headQuery;
    private readonly SqliteCommand _streamVersionQuery;
    private readonly SqliteCommand _saveCheckpoint;
    private bool _disposed;

    private SqliteEventStore(string path, SqliteConnection connection, string readConnectionString)
    {
        Path = path;
        _connection = connection;
        _readConnectionString = readConnectionString;

        _insert = Command("INSERT INTO events (position, stream, version, type, at, data) VALUES ($position, $stream, $version, $type, $at, $data)");
        _position = _insert.Parameters.Add("$position", SqliteType.Integer);
        _stream = _insert.Parameters.Add("$stream", SqliteType.Text);
        _version = _insert.Parameters.Add("$version", SqliteType.Integer);
        _type = _insert.Parameters.Add("$type", SqliteType.Text);
        _at = _insert.Parameters.Add("$at", SqliteType.Integer);
        _data = _insert.Parameters.Add("$data", SqliteType.Text);
        _headQuery = Command("SELECT coalesce(max(position), 0) FROM events");
        _streamVersionQuery = Command("SELECT coalesce(max(version), 0) FROM events WHERE stream = $stream");
        _streamVersionQuery.Parameters.Add("$stream", SqliteType.Text);
        _saveCheckpoint = Command("""
            INSERT INTO checkpoints (name, position, value) VALUES ($name, $position, $value)
            ON CONFLICT (name) DO UPDATE SET position = excluded.position, value = excluded.value
            """);
        _saveCheckpoint.Parameters.Add("$name", SqliteType.Text);
        _saveCheckpoint.Parameters.Add("$position", SqliteType.Integer);
        _saveCheckpoint.Parameters.Add("$value", SqliteType.Text);
    }

    /// <summary>The database file, as a full path.</summary>
    public string Path { get; }

    /// <summary>The log's last position: how many events the file holds (0 when empty). Reads the file.</summary>
    public long LastPosition
    {
        get
        {
            lock (_gate)
            {
                ThrowIfDisposed();
                return Guard(() => QueryHead(null));
            }
        }
    }

    /// <summary>
    /// Opens the store in <paramref name="path"/>, creating the file (and its folder) when it does not exist. An
    /// empty file becomes an empty store.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="EventStoreException">
    /// The file is not an SQLite database or is corrupt, is another application's database, or was written by a newer
    /// schema version; the file is left exactly as it was.
    /// </exception>
    public static SqliteEventStore Open(string path, SqliteEventStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= SqliteEventStoreOptions.Default;
        var fullPath = System.IO.Path.GetFullPath(path);
        if (File.Exists(fullPath))
        {
            // Look before writing anything: switching to WAL alone would rewrite the header of a file that is not ours.
            using var look = new SqliteConnection(ConnectionString(fullPath, SqliteOpenMode.ReadOnly, options));
            try
            {
                look.Open();
                Schema.Inspect(look, null, fullPath, SchemaVersion);
            }
            catch (SqliteException e) when (Schema.IsCorruption(e))
            {
                throw Schema.Corrupt(fullPath, e);
            }
        }
        else if (System.IO.Path.GetDirectoryName(fullPath) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(ConnectionString(fullPath, SqliteOpenMode.ReadWriteCreate, options));
        try
        {
            connection.Open();
            Execute(connection, null, "PRAGMA journal_mode = WAL");
            Execute(connection, null, options.Durability == StoreDurability.Full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                // Again under the write lock: another process may have made the file a store since it was looked at.
                if (Schema.Inspect(connection, transaction, fullPath, SchemaVersion) == FileState.Empty)
                {
                    Execute(connection, transaction, Schema.Create);
                    Execute(connection, transaction, $"PRAGMA application_id = {Schema.ApplicationId}");
                    Execute(connection, transaction, $"PRAGMA user_version = {SchemaVersion}");
                }

                transaction.Commit();
            }

            var read = ConnectionString(fullPath, SqliteOpenMode.ReadOnly, options);
            return new SqliteEventStore(fullPath, connection, read);
        }
        catch (SqliteException e) when (Schema.IsCorruption(e))
        {
            connection.Dispose();
            throw Schema.Corrupt(fullPath, e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Appends one batch in one transaction: the events of any number of requests, in order, each request's after the
    /// last this store saw of it. The desk calls this as a sink, once per operation.
    /// </summary>
    /// <param name="events">The events, oldest first; may be empty (then nothing is written).</param>
    /// <returns>Where the events went.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">An event is of a class Governance.Core does not declare.</exception>
    /// <exception cref="StreamVersionConflictException">
    /// Another writer appended to one of the batch's requests since this store last saw it; nothing was written.
    /// </exception>
    public AppendResult Append(IReadOnlyList<RequestEvent> events) => Append(events, null);

    /// <summary>
    /// Appends one batch and saves <paramref name="checkpoint"/> in the same transaction: both are stored, or neither.
    /// </summary>
    /// <param name="events">The events, oldest first; may be empty to save the checkpoint alone.</param>
    /// <param name="checkpoint">Saved with the batch, at the batch's last position; none when null.</param>
    /// <inheritdoc cref="Append(IReadOnlyList{RequestEvent})" path="/returns"/>
    /// <inheritdoc cref="Append(IReadOnlyList{RequestEvent})" path="/exception"/>
    public AppendResult Append(IReadOnlyList<RequestEvent> events, StoreCheckpoint? checkpoint) =>
        AppendCore(events, null, ExpectedVersion.Any, checkpoint);

    /// <summary>
    /// Appends events to one request's stream if the stream is at <paramref name="expectedVersion"/>, in one
    /// transaction with <paramref name="checkpoint"/>.
    /// </summary>
    /// <param name="requestId">The request; every event must be about it.</param>
    /// <param name="expectedVersion">
    /// The stream's version the caller last saw, <see cref="ExpectedVersion.NoStream"/> for a new request, or
    /// <see cref="ExpectedVersion.Any"/> to skip the check.
    /// </param>
    /// <param name="events">The events, oldest first.</param>
    /// <param name="checkpoint">Saved with the events; none when null.</param>
    /// <returns>Where the events went.</returns>
    /// <exception cref="ArgumentException">An event is about another request, or of a class Governance.Core does not declare.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is below <see cref="ExpectedVersion.Any"/>.</exception>
    /// <exception cref="StreamVersionConflictException">The stream is at another version; nothing was written.</exception>
    public AppendResult AppendToStream(RequestId requestId, long expectedVersion, IReadOnlyList<RequestEvent> events, StoreCheckpoint? checkpoint = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedVersion, ExpectedVersion.Any);
        ArgumentNullException.ThrowIfNull(events);
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is { } e && e.RequestId != requestId)
            {
                throw new ArgumentException($"events[{i}] is about request {e.RequestId}, not {requestId}.", nameof(events));
            }
        }

        return AppendCore(events, requestId, expectedVersion, checkpoint);
    }

    /// <summary>Saves <paramref name="checkpoint"/> alone, at the log's last position.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="checkpoint"/> is null.</exception>
    public void SaveCheckpoint(StoreCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        AppendCore([], null, ExpectedVersion.Any, checkpoint);
    }

    /// <summary>The checkpoint saved under <paramref name="name"/>, with the position it was saved at; null when none was.</summary>
    public StoreCheckpoint? ReadCheckpoint(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_gate)
        {
            ThrowIfDisposed();
            return Guard(() =>
            {
                using var command = Command("SELECT position, value FROM checkpoints WHERE name = $name");
                command.Parameters.AddWithValue("$name", name);
                using var reader = command.ExecuteReader();
                return reader.Read() ? new StoreCheckpoint(name, reader.GetString(1)) { Position = reader.GetInt64(0) } : null;
            });
        }
    }

    /// <summary>The version of <paramref name="requestId"/>'s stream: its last event's version, 0 when it has none.</summary>
    public long StreamVersion(RequestId requestId)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            return Guard(() => QueryStreamVersion(requestId, null));
        }
    }

    /// <summary>Every event of one request, in order (versions 1, 2, …); empty when the store has none.</summary>
    /// <exception cref="EventStoreException">An event's type is unknown to this version, or its data unreadable.</exception>
    public IReadOnlyList<StoredEvent> ReadStream(RequestId requestId)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            return Guard(() =>
            {
                using var command = Command("SELECT position, version, type, data FROM events WHERE stream = $stream ORDER BY version");
                command.Parameters.AddWithValue("$stream", requestId.Value ?? string.Empty);
                using var reader = command.ExecuteReader();
                var events = new List<StoredEvent>();
                while (reader.Read())
                {
                    var row = StoredRow.Read(reader);
                    var stored = Decode(row);
                    if (stored.Event.RequestId != requestId)
                    {
                        throw new EventStoreException(EventStoreProblem.UnreadableEvent, Path,
                            $"The event at position {stored.Position} in {Path} is stored in request {requestId}'s stream but is about request {stored.Event.RequestId}.",
                            position: stored.Position, eventType: row.Type);
                    }

                    events.Add(stored);
                }

                return events;
            });
        }
    }

    /// <summary>
    /// Every event after <paramref name="afterPosition"/>, in log order, read lazily on a connection of its own from a
    /// snapshot taken when the enumeration starts: a projection passes the last position it applied (0 for all).
    /// Dispose the enumerator (foreach does) to release the snapshot.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="afterPosition"/> is negative.</exception>
    /// <exception cref="EventStoreException">
    /// While enumerating: an event's type is unknown to this version, or its data unreadable (naming its position),
    /// or the file is corrupt.
    /// </exception>
    public IEnumerable<StoredEvent> ReadAll(long afterPosition = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ThrowIfDisposed();
        return ReadAllCore(afterPosition);
    }

    /// <summary>
    /// A sink that gathers the desk's events in memory until <see cref="SqliteBatchSink.Commit"/> appends them all in one
    /// transaction, with a checkpoint: the way to give a desk many operations per commit, and to keep the log and a
    /// checkpoint in step.
    /// </summary>
    public SqliteBatchSink CreateBatchSink()
    {
        ThrowIfDisposed();
        return new SqliteBatchSink(this);
    }

    /// <summary>Closes the file. Committed batches are kept; the store cannot be used afterwards.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _insert.Dispose();
            _headQuery.Dispose();
            _streamVersionQuery.Dispose();
            _saveCheckpoint.Dispose();
            _connection.Dispose();
        }
    }

    /// <inheritdoc/>
    void IRequestEventSink.Append(IReadOnlyList<RequestEvent> events) => Append(events);

    private AppendResult AppendCore(IReadOnlyList<RequestEvent> events, RequestId? stream, long expectedVersion, StoreCheckpoint? checkpoint)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (checkpoint is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(checkpoint.Name, nameof(checkpoint));
            ArgumentNullException.ThrowIfNull(checkpoint.Value, nameof(checkpoint));
        }

        // Everything that can fail on the caller's data fails here, before the transaction starts.
        var n = events.Count;
        var types = new string[n];
        var data = new string[n];
        for (var i = 0; i < n; i++)
        {
            var e = events[i] ?? throw new ArgumentNullException(nameof(events), $"events[{i}] is null.");
            types[i] = EventTypes.NameOf(e, nameof(events));
            data[i] = RequestEventJson.Serialize(e);
        }

        if (n == 0 && checkpoint is null)
        {
            lock (_gate)
            {
                ThrowIfDisposed();
                var head = Guard(() => QueryHead(null));
                return new AppendResult(head + 1, head);
            }
        }

        lock (_gate)
        {
            ThrowIfDisposed();
            var committing = false;
            try
            {
                using var transaction = _connection.BeginTransaction(deferred: false);
                _insert.Transaction = transaction;
                _headQuery.Transaction = transaction;
                _streamVersionQuery.Transaction = transaction;
                _saveCheckpoint.Transaction = transaction;

                var head = QueryHead(transaction);
                if (!_versionsLoaded)
                {
                    LoadVersions(transaction);
                }
                else if (head != _head)
                {
                    _othersWrite = true;
                }

                _head = head;
                _batchVersions.Clear();
                if (stream is { } s)
                {
                    var actual = QueryStreamVersion(s, transaction);
                    if (expectedVersion != ExpectedVersion.Any && actual != expectedVersion)
                    {
                        throw new StreamVersionConflictException(Path, s, expectedVersion, actual);
                    }

                    _batchVersions[s] = actual;
                }

                var position = head;
                for (var i = 0; i < n; i++)
                {
                    var e = events[i];
                    var id = e.RequestId;
                    if (!_batchVersions.TryGetValue(id, out var version))
                    {
                        version = VersionBeforeBatch(id, transaction);
                    }

                    _batchVersions[id] = ++version;
                    _position.Value = ++position;
                    _stream.Value = id.Value ?? string.Empty;
                    _version.Value = version;
                    _type.Value = types[i];
                    _at.Value = e.At.ToUnixTimeMilliseconds();
                    _data.Value = data[i];
                    _insert.ExecuteNonQuery();
                }

                if (checkpoint is not null)
                {
                    _saveCheckpoint.Parameters[0].Value = checkpoint.Name;
                    _saveCheckpoint.Parameters[1].Value = position;
                    _saveCheckpoint.Parameters[2].Value = checkpoint.Value;
                    _saveCheckpoint.ExecuteNonQuery();
                }

                committing = true;
                transaction.Commit();
                _head = position;
                foreach (var (id, version) in _batchVersions)
                {
                    _versions[id] = version;
                }

                return new AppendResult(head + 1, position);
            }
            catch (Exception e)
            {
                if (committing)
                {
                    // Whether a failed commit stored the batch is not known here: learn it from the file next time.
                    _versions.Clear();
                    _versionsLoaded = false;
                    _othersWrite = false;
                }

                if (e is SqliteException sqlite && Schema.IsCorruption(sqlite))
                {
                    throw Schema.Corrupt(Path, sqlite);
                }

                throw;
            }
            finally
            {
                _insert.Transaction = null;
                _headQuery.Transaction = null;
                _streamVersionQuery.Transaction = null;
                _saveCheckpoint.Transaction = null;
            }
        }
    }

    /// <summary>The version a request's stream had before this batch, checked against the file when another writer is about.</summary>
    private long VersionBeforeBatch(RequestId id, SqliteTransaction transaction)
    {
        var known = _versions.TryGetValue(id, out var seen) ? seen : 0;
        if (!_othersWrite)
        {
            return known;
        }

        var actual = QueryStreamVersion(id, transaction);
        return actual == known ? actual : throw new StreamVersionConflictException(Path, id, known, actual);
    }

    private void LoadVersions(SqliteTransaction transaction)
    {
        _versions.Clear();
        using var command = Command("SELECT stream, max(version) FROM events GROUP BY stream");
        command.Transaction = transaction;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _versions[new RequestId(reader.GetString(0))] = reader.GetInt64(1);
        }

        _versionsLoaded = true;
        _othersWrite = false;
    }

    private long QueryHead(SqliteTransaction? transaction)
    {
        _headQuery.Transaction = transaction;
        return (long)_headQuery.ExecuteScalar()!;
    }

    private long QueryStreamVersion(RequestId id, SqliteTransaction? transaction)
    {
        _streamVersionQuery.Transaction = transaction;
        _streamVersionQuery.Parameters[0].Value = id.Value ?? string.Empty;
        return (long)_streamVersionQuery.ExecuteScalar()!;
    }

    private IEnumerable<StoredEvent> ReadAllCore(long afterPosition)
    {
        using var connection = new SqliteConnection(_readConnectionString);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT position, version, type, data FROM events WHERE position > $after ORDER BY position";
        command.Parameters.AddWithValue("$after", afterPosition);
        SqliteDataReader reader;
        try
        {
            connection.Open();
            reader = command.ExecuteReader();
        }
        catch (SqliteException e) when (Schema.IsCorruption(e))
        {
            throw Schema.Corrupt(Path, e);
        }

        // Parsing each event's JSON is most of a replay's time. (Parsing chunks of rows on the thread pool, a chunk
        // ahead, was measured here: at best 15% faster with two free cores, slower on a busy machine, for a third more
        // CPU: not kept.)
        using (reader)
        {
            while (Next(reader))
            {
                yield return Decode(StoredRow.Read(reader));
            }
        }
    }

    private bool Next(SqliteDataReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (SqliteException e) when (Schema.IsCorruption(e))
        {
            throw Schema.Corrupt(Path, e);
        }
    }

    /// <summary>A stored row as an event.</summary>
    /// <exception cref="EventStoreException">Its type is unknown, or its data is not an event of that type.</exception>
    private StoredEvent Decode(in StoredRow row)
    {
        if (!EventTypes.IsKnown(row.Type))
        {
            throw new EventStoreException(EventStoreProblem.UnknownEventType, Path,
                $"The event at position {row.Position} in {Path} has type '{row.Type}', which this version of Governance.Core does not know (it knows {string.Join(", ", EventTypes.All)}); read the store with the version that wrote it.",
                position: row.Position, eventType: row.Type);
        }

        RequestEvent e;
        try
        {
            e = RequestEventJson.Deserialize(row.Data);
        }
        catch (DataValidationException x)
        {
            throw new EventStoreException(EventStoreProblem.UnreadableEvent, Path,
                $"The event at position {row.Position} in {Path}, of type '{row.Type}', cannot be read: {x.Message}", x, row.Position, row.Type);
        }

        if (!EventTypes.Matches(e, row.Type))
        {
            throw new EventStoreException(EventStoreProblem.UnreadableEvent, Path,
                $"The event at position {row.Position} in {Path} is stored as type '{row.Type}' but its data is of another type.", position: row.Position, eventType: row.Type);
        }

        return new StoredEvent(row.Position, row.Version, e);
    }

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (SqliteException e) when (Schema.IsCorruption(e))
        {
            throw Schema.Corrupt(Path, e);
        }
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string ConnectionString(string path, SqliteOpenMode mode, SqliteEventStoreOptions options) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false, // the store holds its connection; a pooled one would keep the file open after Dispose
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
}

/// <summary>One row of the events table as read (position, version, type, data), before its JSON is parsed.</summary>
internal readonly record struct StoredRow(long Position, long Version, string Type, byte[] Data)
{
    /// <summary>The row under a reader of <c>SELECT position, version, type, data</c>.</summary>
    public static StoredRow Read(SqliteDataReader reader) =>
        // A TEXT column's bytes are its UTF-8: the JSON is parsed from them with no detour through a string.
        new(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3));
}
