using BenchmarkDotNet.Attributes;
using Governance.Core.Organization;

namespace Governance.Benchmarks.Organization;

/// <summary>
/// Per-query cost of walking from a household up to the district in the Tongzhou-sized chart. The baseline is
/// what a model without an index does: follow each parent id through a dictionary lookup. Each invocation runs
/// <see cref="Queries"/> queries over households picked at random, so the figures are per query.
/// </summary>
[MemoryDiagnoser]
public class ChartQueryBenchmarks
{
    private const int Queries = 1024;
    private Chart _chart = null!;
    private Household[] _households = [];

    [GlobalSetup]
    public void Setup()
    {
        _chart = TongzhouSizedChart.Chart;
        _households = TongzhouSizedChart.RandomHouseholds(Queries);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Queries, Description = "ancestors by parent-id lookups (naive)")]
    public int AncestorsByIdLookup()
    {
        var sum = 0;
        foreach (var household in _households)
        {
            Unit? unit = _chart.GetUnit(household.BuildingId);
            while (unit is not null)
            {
                sum += (int)unit.Kind;
                unit = unit.ParentId is { } parent ? _chart.GetUnit(parent) : null;
            }
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Queries, Description = "Chart.AncestorsOf(household)")]
    public int Ancestors()
    {
        var sum = 0;
        foreach (var household in _households)
        {
            foreach (var unit in _chart.AncestorsOf(household))
            {
                sum += (int)unit.Kind;
            }
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Queries, Description = "Chart.StreetLevelUnitOf(household)")]
    public int StreetLevelUnit()
    {
        var sum = 0;
        foreach (var household in _households)
        {
            sum += (int)_chart.StreetLevelUnitOf(household).Kind;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Queries, Description = "Chart.IsWithin(building, community)")]
    public int IsWithin()
    {
        var sum = 0;
        var community = _chart.AncestorAt(_households[0], UnitLevel.Community);
        foreach (var household in _households)
        {
            sum += _chart.IsWithin(_chart.BuildingOf(household), community) ? 1 : 0;
        }

        return sum;
    }
}
