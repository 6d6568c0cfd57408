using BenchmarkDotNet.Attributes;
using Governance.Core.Requests;
using Governance.Storage.Sqlite;

namespace Governance.Benchmarks.Storage;

/// <summary>
/// Appending a desk's events to a fresh SQLite store: in batches of 1,000 and of 100 (one transaction each) at the
/// default durability (synced before each commit returns) and at <see cref="StoreDurability.ProcessCrash"/>, against
/// the naive baseline — a transaction, a new command and a version query per event — at ProcessCrash durability (at
/// Full it syncs per event and takes minutes). Target: at least 50,000 events per second in batches; divide Events by
/// Mean. Read Ratio and Alloc Ratio.
/// </summary>
[MemoryDiagnoser]
public class StorageAppendBenchmarks
{
    private RequestEvent[] _events = [];
    private RequestEvent[][] _batchesOf1000 = [];
    private RequestEvent[][] _batchesOf100 = [];
    private string _path = string.Empty;

    /// <summary>Events appended per operation: 100k, or <c>STORAGE_BENCHMARK_SIZES</c>.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Events { get; set; }

    /// <summary>The sizes measured.</summary>
    public static IEnumerable<int> Sizes() => StorageWorkload.Sizes(100_000);

    [GlobalSetup]
    public void Setup()
    {
        _events = StorageWorkload.Create(Events);
        _batchesOf1000 = [.. _events.Chunk(1000)];
        _batchesOf100 = [.. _events.Chunk(100)];
    }

    [IterationSetup]
    public void NewFile()
    {
        _path = StorageWorkload.TempPath("append");
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
    }

    [IterationCleanup]
    public void DeleteFile() => StorageWorkload.Delete(_path);

    [Benchmark(Baseline = true, Description = "naive: a transaction per event, no prepared statement (ProcessCrash)")]
    public long Naive()
    {
        NaiveEventLog.Append(_path, _events, StoreDurability.ProcessCrash);
        return _events.Length;
    }

    [Benchmark(Description = "store, batches of 1,000 (Full, the default)")]
    public long Batches1000Full() => Append(_batchesOf1000, StoreDurability.Full);

    [Benchmark(Description = "store, batches of 100 (Full, the default)")]
    public long Batches100Full() => Append(_batchesOf100, StoreDurability.Full);

    [Benchmark(Description = "store, batches of 1,000 (ProcessCrash)")]
    public long Batches1000ProcessCrash() => Append(_batchesOf1000, StoreDurability.ProcessCrash);

    private long Append(RequestEvent[][] batches, StoreDurability durability)
    {
        using var store = SqliteEventStore.Open(_path, new SqliteEventStoreOptions { Durability = durability });
        foreach (var batch in batches)
        {
            store.Append(batch);
        }

        return store.LastPosition == _events.Length
            ? store.LastPosition
            : throw new InvalidOperationException($"{store.LastPosition} of {_events.Length} events stored");
    }
}
