using BenchmarkDotNet.Attributes;
using Governance.Core.Catalogue;
using Governance.Core.Desk;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Routing;
using Governance.Core.Time;
using NodaTime;

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
    private static readonly Instant Morning = Instant.FromUtc(2023, 3, 1, 1, 0); // 09:00 in Beijing, a working day

    private Router _router = null!;
    private RequestSubmission[] _submissions = null!;
    private DeskCommand[] _accepts = null!;
    private DeskCommand[] _resolves = null!;
    private DeskCommand[] _callBacks = null!;

    /// <summary>Requests in the day's batch: 1M, or the comma-separated sizes in <c>DESK_BENCHMARK_SIZES</c>.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Requests { get; set; }

    /// <summary>True: commands equal in value are one object, as <see cref="DeskBenchmarks"/> measures; false: one object per command.</summary>
    [Params(false, true)]
    public bool SharedCommands { get; set; }

    /// <summary>The sizes measured.</summary>
    public static IEnumerable<int> Sizes() =>
        Environment.GetEnvironmentVariable("DESK_BENCHMARK_SIZES") is { Length: > 0 } sizes
            ? sizes.Split(',').Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture))
            : [1_000_000];

    [GlobalSetup]
    public void Setup()
    {
        _router = new Router(SampleDistrict.Chart, CategoryCatalogue.Default);
        (_submissions, _accepts, _resolves, _callBacks) = DeskWorkload.Create(_router, Requests, Morning, seed: 12345, SharedCommands);
    }

    [Benchmark(Description = "desk, partitioned batches")]
    public long Partitioned()
    {
        var clock = new SettableClock(Morning);
        var desk = new RequestDesk(_router, ServiceLevelPolicy.Default, clock);
        DeskWorkload.RunPartitioned(desk, clock, Morning, _submissions, _accepts, _resolves, _callBacks);
        return desk.ClosedCount == Requests ? desk.ClosedCount : throw new InvalidOperationException($"{desk.ClosedCount} of {Requests} requests closed");
    }
}
