using BenchmarkDotNet.Attributes;
using Governance.Benchmarks.Desk;
using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Organization;
using Governance.Core.Routing;
using Governance.Core.Time;
using Governance.Storage.Sqlite;
using NodaTime;

namespace Governance.Benchmarks.Storage;

/// <summary>
/// Replaying a store of 1M events, as a projection or a resumed desk does on start: every event read back in log order
/// (<see cref="SqliteEventStore.ReadAll"/>), and the same read feeding <see cref="RequestDesk.Restore"/> (a
/// simulation's --resume), against the naive baseline that reads each event's JSON as a string and parses that. Target:
/// under 5 s for 1M events. The file is written once per size and kept in the temporary folder between runs.
/// </summary>
[MemoryDiagnoser]
public class StorageReplayBenchmarks
{
    private const string Complete = "benchmark-file-complete";

    private string _path = string.Empty;
    private Router _router = null!;

    /// <summary>Events in the store: 1M, or <c>STORAGE_BENCHMARK_SIZES</c>.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Events { get; set; }

    /// <summary>The sizes measured.</summary>
    public static IEnumerable<int> Sizes() => StorageWorkload.Sizes(1_000_000);

    [GlobalSetup]
    public void Setup()
    {
        _router = new Router(SampleDistrict.Chart, CategoryCatalogue.Default);
        _path = Path.Combine(Path.GetTempPath(), "governance-benchmarks", $"replay-v{SqliteEventStore.SchemaVersion}-{Events}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        if (File.Exists(_path))
        {
            using var existing = SqliteEventStore.Open(_path);
            if (existing.ReadCheckpoint(Complete) is { Position: var position } && position == Events)
            {
                return;
            }
        }

        StorageWorkload.Delete(_path);
        var events = StorageWorkload.Create(Events);
        using var store = SqliteEventStore.Open(_path, new SqliteEventStoreOptions { Durability = StoreDurability.ProcessCrash });
        foreach (var batch in events.Chunk(10_000))
        {
            store.Append(batch);
        }

        store.SaveCheckpoint(new StoreCheckpoint(Complete, "yes"));
    }

    [Benchmark(Baseline = true, Description = "naive: each event's JSON read as a string, then parsed")]
    public int Naive()
    {
        var last = default(Instant);
        var count = NaiveEventLog.ReadAll(_path, e => last = e.At);
        return Check(count);
    }

    [Benchmark(Description = "store: ReadAll")]
    public int ReadAll()
    {
        using var store = SqliteEventStore.Open(_path);
        var count = 0;
        foreach (var stored in store.ReadAll())
        {
            count++;
        }

        return Check(count);
    }

    [Benchmark(Description = "store: ReadAll into RequestDesk.Restore")]
    public long Restore()
    {
        using var store = SqliteEventStore.Open(_path);
        var desk = RequestDesk.Restore(_router, ServiceLevelPolicy.Default, new SettableClock(Instant.FromUtc(2023, 3, 2, 0, 0)),
            store.ReadAll().Select(e => e.Event));
        return desk.ReceivedCount > 0 ? desk.ReceivedCount : throw new InvalidOperationException("The restored desk received nothing.");
    }

    private int Check(int count) => count == Events ? count : throw new InvalidOperationException($"read {count} of {Events} events");
}
