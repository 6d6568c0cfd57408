using BenchmarkDotNet.Attributes;
using Governance.Benchmarks.Organization;
using Governance.Core.Liaison;
using Governance.Core.Organization;
using Governance.Core.Organization.Synthetic;

namespace Governance.Benchmarks.Liaison;

/// <summary>
/// Assigning liaisons in a street-level unit of 8 communities (about 10,000 households; target under 50 ms). The
/// baseline is the same exact solver on one thread, so the ratio shows what solving communities in parallel buys.
/// Reassign measures a month's churn: the same chart with the previous assignment (every link kept).
/// </summary>
[MemoryDiagnoser]
public class LiaisonTenThousandBenchmarks
{
    private Chart _chart = null!;
    private LiaisonAssignment _previous = null!;

    [GlobalSetup]
    public void Setup()
    {
        _chart = SyntheticChart.Generate(new SyntheticChartOptions { StreetLevelUnits = 1, CommunitiesPerStreetLevelUnit = 8 });
        _previous = LiaisonAssigner.Assign(_chart);
        Console.WriteLine($"// {_chart.Households.Length} households, {_chart.PartyMembers.Length} members: {_previous}");
    }

    [Benchmark(Baseline = true, Description = "Assign, one thread")]
    public LiaisonAssignment AssignOneThread() => LiaisonAssigner.Assign(_chart, null, parallel: false);

    [Benchmark(Description = "Assign, all cores")]
    public LiaisonAssignment Assign() => LiaisonAssigner.Assign(_chart);

    [Benchmark(Description = "Reassign, nothing changed")]
    public LiaisonAssignment Reassign() => LiaisonAssigner.Reassign(_chart, _previous);
}

/// <summary>
/// Assigning liaisons in the Tongzhou-sized synthetic district (600 communities, about 720,000 households; target
/// under 10 s on all cores). Baseline: the same solver on one thread.
/// </summary>
[MemoryDiagnoser]
public class LiaisonDistrictBenchmarks
{
    private Chart _chart = null!;

    [GlobalSetup]
    public void Setup()
    {
        _chart = TongzhouSizedChart.Chart;
        Console.WriteLine($"// {_chart.Households.Length} households, {_chart.PartyMembers.Length} members: {LiaisonAssigner.Assign(_chart)}");
    }

    [Benchmark(Baseline = true, Description = "Assign district, one thread")]
    public LiaisonAssignment AssignOneThread() => LiaisonAssigner.Assign(_chart, null, parallel: false);

    [Benchmark(Description = "Assign district, all cores")]
    public LiaisonAssignment Assign() => LiaisonAssigner.Assign(_chart);
}
