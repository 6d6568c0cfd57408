using Governance.Core.Desk;
using Governance.Storage.Sqlite.CrashWriter;

namespace Governance.Storage.Sqlite.Tests;

/// <summary>A checkpoint is stored with its batch or not at all, and the batch sink keeps the log and the checkpoint in step.</summary>
public sealed class CheckpointTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_checkpoint_is_saved_at_its_batch_s_last_position_and_replaced_by_the_next()
    {
        var events = SampleEvents.All;
        using var store = SqliteEventStore.Open(_folder.File("events.db"));
        Assert.Null(store.ReadCheckpoint("simulation"));

        store.Append(events.Take(10).ToList(), new StoreCheckpoint("simulation", "day 1"));
        Assert.Equal(new StoreCheckpoint("simulation", "day 1") { Position = 10 }, store.ReadCheckpoint("simulation"));

        store.Append(events.Skip(10).Take(5).ToList(), new StoreCheckpoint("simulation", "day 2"));
        store.SaveCheckpoint(new StoreCheckpoint("projection", "{\"applied\":15}"));
        Assert.Equal(new StoreCheckpoint("simulation", "day 2") { Position = 15 }, store.ReadCheckpoint("simulation"));
        Assert.Equal(new StoreCheckpoint("projection", "{\"applied\":15}") { Position = 15 }, store.ReadCheckpoint("projection"));
    }

    [Fact]
    public void A_refused_batch_leaves_the_earlier_checkpoint_and_writes_none_of_its_events()
    {
        var stream = SampleEvents.All.GroupBy(e => e.RequestId).First(g => g.Count() >= 2).ToList();
        using var store = SqliteEventStore.Open(_folder.File("events.db"));
        store.AppendToStream(stream[0].RequestId, ExpectedVersion.NoStream, [stream[0]], new StoreCheckpoint("simulation", "before"));

        Assert.Throws<StreamVersionConflictException>(() =>
            store.AppendToStream(stream[0].RequestId, ExpectedVersion.NoStream, [stream[1]], new StoreCheckpoint("simulation", "after")));

        Assert.Equal(new StoreCheckpoint("simulation", "before") { Position = 1 }, store.ReadCheckpoint("simulation"));
        Assert.Equal(1, store.LastPosition);
    }

    [Fact]
    public void A_checkpoint_survives_reopening_with_its_batch()
    {
        var path = _folder.File("events.db");
        using (var store = SqliteEventStore.Open(path))
        {
            store.Append(SampleEvents.All.Take(7).ToList(), new StoreCheckpoint("simulation", "7"));
        }

        using var reopened = SqliteEventStore.Open(path);
        Assert.Equal(new StoreCheckpoint("simulation", "7") { Position = 7 }, reopened.ReadCheckpoint("simulation"));
        Assert.Equal(7, reopened.LastPosition);
    }

    [Fact]
    public void A_bad_checkpoint_is_refused_before_anything_is_written()
    {
        using var store = SqliteEventStore.Open(_folder.File("events.db"));
        Assert.Throws<ArgumentException>(() => store.Append(SampleEvents.All.Take(2).ToList(), new StoreCheckpoint("", "x")));
        Assert.Throws<ArgumentNullException>(() => store.Append(SampleEvents.All.Take(2).ToList(), new StoreCheckpoint("simulation", null!)));
        Assert.Equal(0, store.LastPosition);
    }

    [Fact]
    public void The_batch_sink_writes_nothing_until_it_commits_and_then_everything_with_the_checkpoint()
    {
        var path = _folder.File("events.db");
        using var store = SqliteEventStore.Open(path);
        var batch = store.CreateBatchSink();
        var memory = new InMemoryRequestEventSink();
        var live = new DeskWorkload(5, batch);
        var reference = new DeskWorkload(5, memory);
        for (var i = 0; i < 40; i++)
        {
            live.Step();
            reference.Step();
        }

        Assert.Equal(memory.Count, batch.Pending);
        Assert.Equal(0, store.LastPosition);

        var result = batch.Commit(CrashWriterProtocol.Checkpoint(live.Position));
        Assert.Equal(new AppendResult(1, memory.Count), result);
        Assert.Equal(0, batch.Pending);
        Assert.Equal(live.Position, CrashWriterProtocol.PositionOf(store.ReadCheckpoint(CrashWriterProtocol.CheckpointName)!));
        Assert.Equal(memory.Events.Select(SampleEvents.Json), store.ReadAll().Select(e => SampleEvents.Json(e.Event)));

        live.Step();
        batch.Discard();
        Assert.Equal(0, batch.Pending);
        Assert.Equal(memory.Count, store.LastPosition);
    }

    [Fact]
    public void A_refused_commit_keeps_its_events_pending()
    {
        var path = _folder.File("events.db");
        var stream = SampleEvents.All.GroupBy(e => e.RequestId).First(g => g.Count() >= 2).ToList();
        using var store = SqliteEventStore.Open(path);
        store.Append([stream[0]]);
        using (var other = SqliteEventStore.Open(path))
        {
            other.Append([stream[1]]);
        }

        var batch = store.CreateBatchSink();
        batch.Append([stream[1]]);
        Assert.Throws<StreamVersionConflictException>(() => batch.Commit());
        Assert.Equal(1, batch.Pending);
    }
}
