using Governance.Core.Requests;

namespace Governance.Storage.Sqlite.Tests;

/// <summary>Optimistic concurrency per request stream: a stale expectation is refused, and nothing of its batch is written.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>The first request with at least three events, and those events.</summary>
    private static (RequestId Id, IReadOnlyList<RequestEvent> Events) Stream()
    {
        var stream = SampleEvents.All.GroupBy(e => e.RequestId).First(g => g.Count() >= 3);
        return (stream.Key, stream.ToList());
    }

    [Fact]
    public void Appending_at_the_expected_version_goes_on_from_it()
    {
        var (id, events) = Stream();
        using var store = SqliteEventStore.Open(_folder.File("events.db"));
        store.AppendToStream(id, ExpectedVersion.NoStream, [events[0]]);
        var result = store.AppendToStream(id, 1, [events[1], events[2]]);

        Assert.Equal(new AppendResult(2, 3), result);
        Assert.Equal([1L, 2, 3], store.ReadStream(id).Select(e => e.Version));
    }

    [Fact]
    public void A_stale_expected_version_is_a_conflict_and_nothing_is_written()
    {
        var (id, events) = Stream();
        using var store = SqliteEventStore.Open(_folder.File("events.db"));
        store.AppendToStream(id, ExpectedVersion.NoStream, [events[0], events[1]]);

        var conflict = Assert.Throws<StreamVersionConflictException>(() => store.AppendToStream(id, 1, [events[2]]));
        Assert.Equal(id, conflict.RequestId);
        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Contains(id.Value, conflict.Message, StringComparison.Ordinal);
        Assert.Equal(2, store.LastPosition);
        Assert.Equal(2, store.ReadStream(id).Count);
    }

    [Fact]
    public void A_new_stream_expected_where_one_exists_is_a_conflict()
    {
        var (id, events) = Stream();
        using var store = SqliteEventStore.Open(_folder.File("events.db"));
        store.AppendToStream(id, ExpectedVersion.NoStream, [events[0]]);

        var conflict = Assert.Throws<StreamVersionConflictException>(() => store.AppendToStream(id, ExpectedVersion.NoStream, [events[0]]));
        Assert.Equal((0L, 1L), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(1, store.LastPosition);
    }

    [Fact]
    public void Any_skips_the_check()
    {
        var (id, events) = Stream();
        using var store = SqliteEventStore.Open(_folder.File("events.db"));
        store.AppendToStream(id, ExpectedVersion.Any, [events[0]]);
        store.AppendToStream(id, ExpectedVersion.Any, [events[1]]);
        Assert.Equal(2, store.StreamVersion(id));
    }

    [Fact]
    public void An_event_about_another_request_is_refused_in_a_stream_append()
    {
        var (id, events) = Stream();
        var other = SampleEvents.All.First(e => e.RequestId != id);
        using var store = SqliteEventStore.Open(_folder.File("events.db"));
        Assert.Throws<ArgumentException>(() => store.AppendToStream(id, ExpectedVersion.NoStream, [events[0], other]));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.AppendToStream(id, -2, [events[0]]));
        Assert.Equal(0, store.LastPosition);
    }

    [Fact]
    public void A_second_writer_on_the_same_file_cannot_interleave_a_request_unnoticed()
    {
        var path = _folder.File("events.db");
        var (id, events) = Stream();
        var bystander = SampleEvents.All.First(e => e.RequestId != id && e is RequestReceived);
        using var mine = SqliteEventStore.Open(path);
        mine.Append([events[0]]);

        // Another process appends the request's next event...
        using (var theirs = SqliteEventStore.Open(path))
        {
            Assert.Equal(new AppendResult(2, 2), theirs.Append([events[1]]));
        }

        // ...so this store's view of the request (at version 1) is stale: its batch is refused whole.
        var conflict = Assert.Throws<StreamVersionConflictException>(() => mine.Append([bystander, events[1]]));
        Assert.Equal((1L, 2L), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(2, mine.LastPosition);
        Assert.Empty(mine.ReadStream(bystander.RequestId));

        // Requests the other writer did not touch still append, after its events.
        Assert.Equal(new AppendResult(3, 3), mine.Append([bystander]));
        Assert.Equal(1, mine.StreamVersion(bystander.RequestId));
    }

    [Fact]
    public void Two_stores_appending_to_different_requests_of_one_file_from_two_threads_lose_nothing()
    {
        var path = _folder.File("events.db");
        var streams = SampleEvents.All.GroupBy(e => e.RequestId).Take(200).ToList();
        var halves = new[] { streams.Where((_, i) => i % 2 == 0).ToList(), streams.Where((_, i) => i % 2 == 1).ToList() };
        using (SqliteEventStore.Open(path))
        {
        }

        Parallel.ForEach(halves, half =>
        {
            using var store = SqliteEventStore.Open(path);
            foreach (var stream in half)
            {
                store.AppendToStream(stream.Key, ExpectedVersion.NoStream, stream.ToList());
            }
        });

        using var reopened = SqliteEventStore.Open(path);
        var all = reopened.ReadAll().ToList();
        Assert.Equal(streams.Sum(s => s.Count()), all.Count);
        Assert.Equal(Enumerable.Range(1, all.Count).Select(p => (long)p), all.Select(e => e.Position));
        foreach (var stream in streams)
        {
            Assert.Equal(stream.Select(SampleEvents.Json), reopened.ReadStream(stream.Key).Select(e => SampleEvents.Json(e.Event)));
        }
    }
}
