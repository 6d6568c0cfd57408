using BenchmarkDotNet.Attributes;

namespace Governance.Benchmarks.Desk;

/// <summary>
/// What the harness's command objects cost <see cref="DeskBenchmarks"/>' partitioned day on a new desk: three million
/// distinct command objects held for the whole run (the baseline), against the workload it measures with, where
/// commands equal in value are one object (see <see cref="DeskWorkload"/>). The desk's work is the same in both; only
/// what the garbage collector finds live beside it differs. Each case runs in its own process, holding only its own
/// workload.
/// </summary>
[MemoryDiagnoser]
public class DeskCommandObjectsBenchmarks
{
    private readonly DeskBenchmarks _day = new();

    /// <summary>Requests in the day's batch: 1M, or the comma-separated sizes in <c>DESK_BENCHMARK_SIZES</c>.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Requests { get; set; }

    /// <summary>True: commands equal in value are one object, as <see cref="DeskBenchmarks"/> measures; false: one object per command.</summary>
    [Params(false, true)]
    public bool SharedCommands { get; set; }

    /// <summary>The sizes measured.</summary>
    public static IEnumerable<int> Sizes() =>
        Environment.GetEnvironmentVariable("DESK_BENCHMARK_SIZES") is { Length: > 0 } ? DeskBenchmarks.Sizes() : [1_000_000];

    [GlobalSetup]
    public void Setup()
    {
        (_day.Requests, _day.SharedCommands) = (Requests, SharedCommands);
        _day.Setup();
    }

    [Benchmark(Description = "desk, partitioned batches")]
    public long Partitioned() => _day.Partitioned();
}
