using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Time;
using Governance.Storage.Sqlite.CrashWriter;
using NodaTime;

namespace Governance.Storage.Sqlite.Tests;

/// <summary>What goes in comes out: every event type, in order, with positions and stream versions, after reopening too.</summary>
public sealed class RoundTripTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_sample_workload_writes_every_event_type_that_Governance_Core_declares()
    {
        var written = SampleEvents.All.Select(e => EventTypes.NameOf(e, "e")).ToHashSet();
        Assert.Equal(EventTypes.All.Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));
        Assert.Equal(16, written.Count);
    }

    [Fact]
    public void Every_event_type_reads_back_equal_in_log_order_with_consecutive_positions()
    {
        var events = SampleEvents.All;
        using var store = SqliteEventStore.Open(_folder.File("events.db"));
        foreach (var operation in SampleEvents.DeskOperations)
        {
            store.Append(operation);
        }

        var read = store.ReadAll().ToList();
        Assert.Equal(events.Count, read.Count);
        Assert.Equal(events.Count, store.LastPosition);
        for (var i = 0; i < events.Count; i++)
        {
            Assert.Equal(i + 1, read[i].Position);
            Assert.Equal(events[i].GetType(), read[i].Event.GetType());
            Assert.Equal(SampleEvents.Json(events[i]), SampleEvents.Json(read[i].Event));
        }
    }

    [Fact]
    public void Each_request_stream_is_numbered_from_one_and_reads_back_alone_in_order()
    {
        var events = SampleEvents.All;
        using var store = SqliteEventStore.Open(_folder.File("events.db"));
        store.Append(events);

        foreach (var stream in events.GroupBy(e => e.RequestId).Take(200))
        {
            var read = store.ReadStream(stream.Key);
            Assert.Equal(stream.Select(SampleEvents.Json), read.Select(s => SampleEvents.Json(s.Event)));
            Assert.Equal(Enumerable.Range(1, read.Count).Select(v => (long)v), read.Select(s => s.Version));
            Assert.True(read.Zip(read.Skip(1)).All(p => p.First.Position < p.Second.Position));
            Assert.Equal(read.Count, store.StreamVersion(stream.Key));
        }

        Assert.Empty(store.ReadStream(new RequestId("never-received")));
        Assert.Equal(0, store.StreamVersion(new RequestId("never-received")));
    }

    [Fact]
    public void ReadAll_from_a_position_gives_exactly_the_events_after_it()
    {
        var events = SampleEvents.All.Take(50).ToList();
        using var store = SqliteEventStore.Open(_folder.File("events.db"));
        store.Append(events);

        Assert.Equal(Enumerable.Range(21, 30).Select(p => (long)p), store.ReadAll(20).Select(e => e.Position));
        Assert.Equal(SampleEvents.Json(events[20]), SampleEvents.Json(store.ReadAll(20).First().Event));
        Assert.Empty(store.ReadAll(50));
        Assert.Empty(store.ReadAll(1_000));
        Assert.Equal(50, store.ReadAll(0).Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => store.ReadAll(-1));
    }

    [Fact]
    public void A_reader_may_stop_early_and_the_store_goes_on()
    {
        var events = SampleEvents.All;
        using var store = SqliteEventStore.Open(_folder.File("events.db"));
        store.Append(events);

        Assert.Equal(SampleEvents.Json(events[999]), SampleEvents.Json(store.ReadAll().Skip(999).First().Event));
        Assert.Equal(300, store.ReadAll(events.Count - 300).Count());
        Assert.Equal(new AppendResult(events.Count + 1, events.Count + 10), store.Append(events.Take(10).ToList()));
    }

    [Fact]
    public void ReadAll_reads_the_snapshot_it_started_with_while_appends_go_on()
    {
        var events = SampleEvents.All;
        using var store = SqliteEventStore.Open(_folder.File("events.db"));
        store.Append(events.Take(100).ToList());

        var seen = 0;
        foreach (var stored in store.ReadAll())
        {
            if (seen++ == 0)
            {
                store.Append(events.Skip(100).Take(100).ToList());
            }
        }

        Assert.Equal(100, seen);
        Assert.Equal(200, store.ReadAll().Count());
    }

    [Fact]
    public void A_reopened_store_holds_everything_and_goes_on_numbering_positions_and_stream_versions()
    {
        var path = _folder.File("events.db");
        var events = SampleEvents.All;
        var first = events.Take(events.Count / 2).ToList();
        var rest = events.Skip(first.Count).ToList();
        using (var store = SqliteEventStore.Open(path))
        {
            store.Append(first);
        }

        using (var store = SqliteEventStore.Open(path))
        {
            Assert.Equal(first.Count, store.LastPosition);
            var result = store.Append(rest);
            Assert.Equal(new AppendResult(first.Count + 1, events.Count), result);
        }

        using (var store = SqliteEventStore.Open(path))
        {
            var read = store.ReadAll().ToList();
            Assert.Equal(events.Select(SampleEvents.Json), read.Select(s => SampleEvents.Json(s.Event)));
            var expectedVersions = new Dictionary<RequestId, long>();
            foreach (var stored in read)
            {
                var version = expectedVersions[stored.Event.RequestId] = expectedVersions.GetValueOrDefault(stored.Event.RequestId) + 1;
                Assert.Equal(version, stored.Version);
            }
        }
    }

    [Fact]
    public void A_desk_writing_to_the_store_as_its_sink_records_what_it_would_record_in_memory_and_restores_from_it()
    {
        var path = _folder.File("events.db");
        var memory = new InMemoryRequestEventSink();
        var inMemory = new DeskWorkload(11, memory);
        using var store = SqliteEventStore.Open(path);
        var onDisk = new DeskWorkload(11, store);
        for (var i = 0; i < 150; i++)
        {
            inMemory.Step();
            onDisk.Step();
        }

        Assert.Equal(memory.Events.Select(SampleEvents.Json), store.ReadAll().Select(s => SampleEvents.Json(s.Event)));
        var restored = RequestDesk.Restore(DeskWorkload.Router, ServiceLevelPolicy.Default, new NodaTime.Testing.FakeClock(onDisk.Clock.GetCurrentInstant()),
            store.ReadAll().Select(s => s.Event));
        DeskAssert.Same(inMemory.Desk, restored);
    }

    [Fact]
    public void An_append_of_nothing_writes_nothing()
    {
        var path = _folder.File("events.db");
        using (var writer = SqliteEventStore.Open(path))
        {
            writer.Append(SampleEvents.All.Take(3).ToList());
        }

        using var store = SqliteEventStore.Open(path);
        Assert.Equal(new AppendResult(4, 3), store.Append([]));
        Assert.Equal(0, store.Append([]).Count);
        Assert.Equal(3, store.LastPosition);
    }

    [Fact]
    public void A_null_event_is_refused_before_anything_is_written()
    {
        using var store = SqliteEventStore.Open(_folder.File("events.db"));
        var events = SampleEvents.All.Take(3).ToList<RequestEvent>();
        events.Add(null!);
        var e = Assert.Throws<ArgumentNullException>(() => store.Append(events));
        Assert.Contains("events[3]", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.LastPosition);
    }

    [Fact]
    public void An_event_class_Governance_Core_does_not_declare_is_refused_before_anything_is_written()
    {
        using var store = SqliteEventStore.Open(_folder.File("events.db"));
        var events = SampleEvents.All.Take(3).Append(new HomeMadeEvent(new RequestId("x"), Instant.FromUtc(2023, 3, 1, 0, 0))).ToList();
        var e = Assert.Throws<ArgumentException>(() => store.Append(events));
        Assert.Contains(nameof(HomeMadeEvent), e.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.LastPosition);
    }

    [Fact]
    public void The_store_makes_its_folder_and_a_disposed_store_refuses_work()
    {
        var path = System.IO.Path.Combine(_folder.Path, "runs", "today", "events.db");
        var store = SqliteEventStore.Open(path);
        Assert.Equal(path, store.Path);
        store.Dispose();
        store.Dispose();
        Assert.True(File.Exists(path));
        Assert.Throws<ObjectDisposedException>(() => store.Append(SampleEvents.All.Take(1).ToList()));
        Assert.Throws<ObjectDisposedException>(() => store.ReadAll());
        Assert.Throws<ObjectDisposedException>(() => store.LastPosition);
    }

    [Fact]
    public void The_file_is_in_write_ahead_log_mode_and_carries_its_schema_version()
    {
        var path = _folder.File("events.db");
        using (SqliteEventStore.Open(path))
        {
        }

        using var raw = RawSqlite.Open(path);
        Assert.Equal("wal", RawSqlite.Scalar(raw, "PRAGMA journal_mode"));
        Assert.Equal((long)SqliteEventStore.SchemaVersion, RawSqlite.Scalar(raw, "PRAGMA user_version"));
        Assert.Equal((long)Schema.ApplicationId, RawSqlite.Scalar(raw, "PRAGMA application_id"));
    }

    private sealed record HomeMadeEvent(RequestId RequestId, Instant At) : RequestEvent(RequestId, At);
}
