using BenchmarkDotNet.Attributes;
using Governance.Benchmarks.Organization;
using Governance.Core.Catalogue;
using Governance.Core.Insights;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Benchmarks.Insights;

/// <summary>
/// Proactive handling on the Tongzhou-sized chart: 1M receipts at random households over two years (six categories of
/// two segments, a third of them 12345 tickets), then every hotspot as of the last day. Baseline in the same run: a
/// naive LINQ pass that cuts each receipt's category and date, then groups the window's receipts by (ancestor, category)
/// at each of the three levels and keeps the groups at or above the threshold — the Recurring rule only, without the
/// rising, seasonal or one-report-per-cluster rules, so it does less than <see cref="RequestHotspots.Find"/>.
/// </summary>
/// <remarks>
/// Measured 2026-12-01, <c>--job short</c>, 2 cores (shared; error bars are wide), 21,347 units: naive 909 ms / 118 MB
/// (1.00); apply + find 734 ms / 207 MB (ratio 0.81, alloc 1.75); find only 176 ms / 82 MB (ratio 0.19, alloc 0.70);
/// a street's monthly trend over two years 4.6 ms. Applying dominates (the id set and the per-day cells); find
/// allocates one small array per (unit, category) that has requests on the dates it visits.
/// </remarks>
[MemoryDiagnoser]
public class HotspotBenchmarks
{
    private static readonly string[] Categories = ["供暖/不热", "供暖/漏水", "物业/电梯/故障", "环境/噪音", "市政/路灯", "纠纷/邻里"];
    private static readonly LocalDate First = new(2022, 1, 1);
    private static readonly LocalDate Last = new(2023, 12, 31);

    private RequestReceived[] _receipts = null!;
    private RequestHotspots _applied = null!;
    private Instant _asOf;

    /// <summary>Receipts projected.</summary>
    [Params(1_000_000)]
    public int Receipts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var chart = TongzhouSizedChart.Chart;
        var random = new Random(2023);
        var zone = WorkingCalendar.Default.Zone;
        var days = Period.DaysBetween(First, Last) + 1;
        _receipts = new RequestReceived[Receipts];
        for (var i = 0; i < Receipts; i++)
        {
            var household = chart.Households[random.Next(chart.Households.Length)];
            var at = First.PlusDays(random.Next(days)).At(new LocalTime(8, 0)).InZoneLeniently(zone).ToInstant() + Duration.FromSeconds(random.Next(10 * 3600));
            var owner = Agency.Unit(chart.AncestorAt(household, UnitLevel.Community).Id);
            var channel = random.Next(3) == 0 ? Channel.Hotline12345 : Channel.PropertyHotline;
            _receipts[i] = new RequestReceived(new RequestId($"h-{i}"), at, channel, new CategoryCode(Categories[random.Next(Categories.Length)]),
                CategoryClass.Ordinary, new RequestLocation(household.BuildingId, household.Id), ResidentContact.None, "诉求", owner, owner,
                new RequestDeadlines(at, at, at));
        }

        _asOf = Last.At(new LocalTime(23, 0)).InZoneLeniently(zone).ToInstant();
        _applied = new RequestHotspots(chart);
        _applied.ApplyRange(_receipts);
    }

    [Benchmark(Baseline = true, Description = "naive: LINQ group-by per level, Recurring only")]
    public int Naive()
    {
        var chart = TongzhouSizedChart.Chart;
        var zone = WorkingCalendar.Default.Zone;
        var o = HotspotOptions.Default;
        var windowStart = Last.PlusDays(-(o.WindowDays - 1));
        var inWindow = _receipts
            .Select(r => (Unit: chart.GetUnit(r.Location.Unit), Category: r.Category.Value.Split('/')[0], Date: r.At.InZone(zone).Date))
            .Where(r => r.Date >= windowStart && r.Date <= Last)
            .ToList();
        return new[] { UnitLevel.Building, UnitLevel.Grid, UnitLevel.Community }
            .Sum(level => inWindow
                .GroupBy(r => (Unit: chart.AncestorOrSelfAt(r.Unit, level)!.Id, r.Category))
                .Count(g => g.Count() >= o.ThresholdAt(level)));
    }

    [Benchmark(Description = "RequestHotspots: apply all receipts + find")]
    public int ApplyAndFind()
    {
        var hotspots = new RequestHotspots(TongzhouSizedChart.Chart);
        hotspots.ApplyRange(_receipts);
        return hotspots.Find(_asOf).Count;
    }

    [Benchmark(Description = "RequestHotspots: find only (receipts already applied)")]
    public int FindOnly() => _applied.Find(_asOf).Count;

    [Benchmark(Description = "RequestHotspots: a street's monthly trend over two years")]
    public int Trend() => _applied.Trend(TongzhouSizedChart.Chart.ChildrenOf(TongzhouSizedChart.Chart.District)[0].Id, new DateInterval(First, Last)).Points.Count;
}
