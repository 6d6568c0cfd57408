using System.Text;

namespace Governance.Storage.Sqlite.Tests;

/// <summary>
/// A file that is not a store, a store of a newer schema, or an event the library does not know: a clear error that
/// names the file (and the event), and nothing overwritten.
/// </summary>
public sealed class BadFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_text_file_is_not_a_database_and_is_left_as_it_was()
    {
        var path = _folder.File("notes.db");
        File.WriteAllText(path, string.Concat(Enumerable.Repeat("这不是数据库。This is not a database.\n", 200)));
        var before = _folder.Snapshot();

        var e = Assert.Throws<EventStoreException>(() => SqliteEventStore.Open(path));

        Assert.Equal(EventStoreProblem.Corrupt, e.Problem);
        Assert.Equal(path, e.Path);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, _folder.Snapshot());
    }

    [Fact]
    public void Random_bytes_are_not_a_database_and_are_left_as_they_were()
    {
        var path = _folder.File("noise.db");
        var bytes = new byte[64 * 1024];
        new Random(42).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        var before = _folder.Snapshot();

        var e = Assert.Throws<EventStoreException>(() => SqliteEventStore.Open(path));

        Assert.Equal(EventStoreProblem.Corrupt, e.Problem);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, _folder.Snapshot());
    }

    [Fact]
    public void A_store_whose_header_is_overwritten_is_corrupt_and_left_as_it_is()
    {
        var path = StoreWith(SampleEvents.All.Take(200).ToList());
        using (var file = File.OpenWrite(path))
        {
            file.Write(Encoding.ASCII.GetBytes("garbage where the SQLite header was, garbage...."));
        }

        var before = _folder.Snapshot();
        var e = Assert.Throws<EventStoreException>(() => SqliteEventStore.Open(path));

        Assert.Equal(EventStoreProblem.Corrupt, e.Problem);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, _folder.Snapshot());
    }

    [Fact]
    public void A_store_whose_pages_are_overwritten_is_reported_corrupt_when_it_is_read()
    {
        var path = StoreWith(SampleEvents.All);
        var length = new FileInfo(path).Length;
        using (var file = File.OpenWrite(path))
        {
            // Every page after the first two (the header and the schema) filled with a pattern SQLite cannot take for a page.
            file.Position = 2 * 4096;
            var junk = Enumerable.Repeat((byte)0xA5, (int)(length - file.Position)).ToArray();
            file.Write(junk);
        }

        var e = Assert.Throws<EventStoreException>(() =>
        {
            using var store = SqliteEventStore.Open(path);
            _ = store.ReadAll().Count();
        });

        Assert.Equal(EventStoreProblem.Corrupt, e.Problem);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_of_a_newer_schema_version_is_refused_and_left_as_it_is()
    {
        var path = StoreWith(SampleEvents.All.Take(20).ToList());
        RawSqlite.Execute(path, $"PRAGMA user_version = {SqliteEventStore.SchemaVersion + 1}");
        var before = File.ReadAllBytes(path);

        var e = Assert.Throws<EventStoreException>(() => SqliteEventStore.Open(path));

        Assert.Equal(EventStoreProblem.NewerSchema, e.Problem);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains($"schema version {SqliteEventStore.SchemaVersion + 1}", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
        using var raw = RawSqlite.Open(path);
        Assert.Equal(20L, RawSqlite.Scalar(raw, "SELECT count(*) FROM events"));
    }

    [Fact]
    public void Another_application_s_database_is_not_an_event_store_and_is_left_as_it_is()
    {
        var path = _folder.File("contacts.db");
        RawSqlite.Execute(path, "CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('王');");
        var before = _folder.Snapshot();

        var e = Assert.Throws<EventStoreException>(() => SqliteEventStore.Open(path));

        Assert.Equal(EventStoreProblem.NotAnEventStore, e.Problem);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("people", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, _folder.Snapshot());
    }

    [Fact]
    public void A_database_marked_by_another_application_is_not_an_event_store()
    {
        var path = _folder.File("other.db");
        RawSqlite.Execute(path, "PRAGMA application_id = 1234");
        var before = _folder.Snapshot();

        var e = Assert.Throws<EventStoreException>(() => SqliteEventStore.Open(path));

        Assert.Equal(EventStoreProblem.NotAnEventStore, e.Problem);
        Assert.Contains("application_id", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, _folder.Snapshot());
    }

    [Fact]
    public void An_empty_file_becomes_an_empty_store()
    {
        var path = _folder.File("empty.db");
        File.WriteAllBytes(path, []);
        using var store = SqliteEventStore.Open(path);
        Assert.Equal(0, store.LastPosition);
        store.Append(SampleEvents.All.Take(3).ToList());
        Assert.Equal(3, store.LastPosition);
    }

    [Fact]
    public void An_event_of_an_unknown_type_is_an_error_naming_its_position_and_type()
    {
        var path = StoreWith(SampleEvents.All.Take(30).ToList());
        RawSqlite.Execute(path, """
            INSERT INTO events (position, stream, version, type, at, data)
            VALUES (31, 'parcel-1', 1, 'parcelDelivered', 0, '{"type":"parcelDelivered","requestId":"parcel-1","at":"2023-03-01T02:00:00Z"}')
            """);
        var before = File.ReadAllBytes(path);

        using (var store = SqliteEventStore.Open(path))
        {
            var read = 0;
            var e = Assert.Throws<EventStoreException>(() =>
            {
                foreach (var stored in store.ReadAll())
                {
                    read++;
                }
            });

            Assert.Equal(30, read); // everything before it was read
            Assert.Equal(EventStoreProblem.UnknownEventType, e.Problem);
            Assert.Equal(31, e.Position);
            Assert.Equal("parcelDelivered", e.EventType);
            Assert.Contains("position 31", e.Message, StringComparison.Ordinal);
            Assert.Contains("'parcelDelivered'", e.Message, StringComparison.Ordinal);
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.Equal(31, Assert.Throws<EventStoreException>(() => store.ReadStream(new Core.Requests.RequestId("parcel-1"))).Position);
            Assert.Equal(30, store.ReadAll().Take(30).Count());
        }

        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(3000)]
    [InlineData(5001)]
    public void However_far_into_the_log_an_unknown_event_is_every_event_before_it_is_read_first(long position)
    {
        var events = SampleEvents.Batches(seed: 9, steps: 800).SelectMany(b => b).Take(5000).ToList();
        Assert.Equal(5000, events.Count);
        var path = _folder.File("long.db");
        using (var writer = SqliteEventStore.Open(path))
        {
            writer.Append(events.Take((int)position - 1).ToList());
            RawSqlite.Execute(path, $"INSERT INTO events (position, stream, version, type, at, data) VALUES ({position}, 'parcel-1', 1, 'parcelDelivered', 0, '{{}}')");
        }

        using var store = SqliteEventStore.Open(path);
        var read = new List<StoredEvent>();
        var e = Assert.Throws<EventStoreException>(() =>
        {
            foreach (var stored in store.ReadAll())
            {
                read.Add(stored);
            }
        });

        Assert.Equal(position, e.Position);
        Assert.Equal(Enumerable.Range(1, (int)position - 1).Select(p => (long)p), read.Select(r => r.Position));
        Assert.Equal(events.Take((int)position - 1).Select(SampleEvents.Json), read.Select(r => SampleEvents.Json(r.Event)));
    }

    [Fact]
    public void An_event_of_a_known_type_whose_data_is_not_that_event_is_an_error_naming_its_position()
    {
        var path = StoreWith(SampleEvents.All.Take(5).ToList());
        RawSqlite.Execute(path, """
            INSERT INTO events (position, stream, version, type, at, data) VALUES (6, 'r-x', 1, 'accepted', 0, '{"type":"accepted","requestId":"r-x"}');
            INSERT INTO events (position, stream, version, type, at, data) VALUES (7, 'r-y', 1, 'accepted', 0, 'not json');
            """);

        using var store = SqliteEventStore.Open(path);
        var missingField = Assert.Throws<EventStoreException>(() => store.ReadAll(5).ToList());
        Assert.Equal((EventStoreProblem.UnreadableEvent, 6L, "accepted"), (missingField.Problem, missingField.Position!.Value, missingField.EventType));
        Assert.Contains("position 6", missingField.Message, StringComparison.Ordinal);
        var notJson = Assert.Throws<EventStoreException>(() => store.ReadAll(6).ToList());
        Assert.Equal((EventStoreProblem.UnreadableEvent, 7L), (notJson.Problem, notJson.Position!.Value));
    }

    [Fact]
    public void An_event_stored_under_another_type_than_its_data_is_an_error()
    {
        var received = SampleEvents.All[0];
        var path = StoreWith([received]);
        RawSqlite.Execute(path, "UPDATE events SET type = 'accepted' WHERE position = 1");

        using var store = SqliteEventStore.Open(path);
        var e = Assert.Throws<EventStoreException>(() => store.ReadAll().ToList());
        Assert.Equal(EventStoreProblem.UnreadableEvent, e.Problem);
        Assert.Equal(1, e.Position);
    }

    private string StoreWith(IReadOnlyList<Core.Requests.RequestEvent> events)
    {
        var path = _folder.File($"store-{Guid.NewGuid():N}.db");
        using var store = SqliteEventStore.Open(path);
        store.Append(events);
        return path;
    }
}
