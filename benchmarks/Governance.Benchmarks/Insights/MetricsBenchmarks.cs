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
/// All figures — every unit of the Tongzhou-sized chart and every handler — for the events of 1M requests (about 4.6
/// events each: receipt, accept, explain or resolve, call-back, some escalations, whistles and missed deadlines).
/// Target: under 1 s for apply + report. Baseline in the same run: a naive LINQ projection that groups the event list
/// by request, then groups requests by their ancestor at each level and computes each group's figures with LINQ
/// (sorting for the percentiles).
/// </summary>
/// <remarks>
/// Measured 2026-12-01, <c>--job short</c>, 2 cores (shared; error bars are wide), 3.68M events, 21,347 units:
/// naive 8,658 ms / 1,240 MB (1.00); apply + report 852 ms / 288 MB (ratio 0.10, alloc 0.23);
/// report only 143 ms / 37 MB (ratio 0.02, alloc 0.03). An earlier run under a load average of 18 gave 2,864 ms for
/// apply + report (before receipts stopped using the chart's all-entity lookup), ratio 0.21.
/// </remarks>
[MemoryDiagnoser]
public class MetricsBenchmarks
{
    private static readonly Instant Morning = Instant.FromUtc(2023, 3, 1, 1, 0); // 09:00 in Beijing, a working day

    private RequestEvent[] _events = null!;
    private RequestMetrics _applied = null!;
    private Instant _asOf;

    /// <summary>Requests whose events are projected.</summary>
    [Params(1_000_000)]
    public int Requests { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _events = MetricsWorkload.Create(TongzhouSizedChart.Chart, Requests, Morning, seed: 12345);
        _asOf = Morning + Duration.FromDays(3);
        _applied = new RequestMetrics(TongzhouSizedChart.Chart);
        _applied.ApplyRange(_events);
    }

    [Benchmark(Baseline = true, Description = "naive: LINQ group-by per request, then per level")]
    public double? Naive() => NaiveMetrics.DistrictSatisfaction(TongzhouSizedChart.Chart, _events, _asOf);

    [Benchmark(Description = "RequestMetrics: apply all events + report all units and handlers")]
    public int ApplyAndReport()
    {
        var metrics = new RequestMetrics(TongzhouSizedChart.Chart);
        metrics.ApplyRange(_events);
        return metrics.Report(_asOf).Units.Count;
    }

    [Benchmark(Description = "RequestMetrics: report only (events already applied)")]
    public int ReportOnly() => _applied.Report(_asOf).Units.Count;
}

/// <summary>A deterministic three days of events for <c>count</c> requests at random households of the chart.</summary>
internal static class MetricsWorkload
{
    public static RequestEvent[] Create(Chart chart, int count, Instant morning, int seed)
    {
        var random = new Random(seed);
        var policy = ServiceLevelPolicy.Default;
        var category = new CategoryCode("市政/道路/破损");
        var departments = chart.DistrictDepartments;
        var events = new List<RequestEvent>(count * 5);
        var later = new List<RequestEvent>(count * 4);
        for (var i = 0; i < count; i++)
        {
            var household = chart.Households[random.Next(chart.Households.Length)];
            var building = chart.BuildingOf(household);
            var community = chart.AncestorAt(household, UnitLevel.Community);
            var id = new RequestId($"m-{i}");
            var at = morning + Duration.FromSeconds(random.Next(8 * 3600));
            var owner = Agency.Unit(community.Id);
            events.Add(new RequestReceived(id, at, Channel.Hotline12345, category, CategoryClass.Ordinary,
                new RequestLocation(building.Id, household.Id), ResidentContact.None, string.Empty, owner, owner,
                policy.DeadlinesFor(CategoryClass.Ordinary, at)));
            var handler = owner;
            var t = at + Duration.FromMinutes(10 + random.Next(600));
            if (random.Next(100) < 92)
            {
                later.Add(new RequestAccepted(id, t, handler));
            }

            if (random.Next(100) < 8)
            {
                var street = Agency.Unit(chart.AncestorAt(household, UnitLevel.StreetLevel).Id);
                later.Add(new RequestEscalated(id, t + Duration.FromMinutes(5), handler, street, "超出本级职责"));
                handler = street;
                if (departments.Length > 0 && random.Next(2) == 0)
                {
                    var d = departments[random.Next(departments.Length)].Id;
                    later.Add(new DepartmentSummoned(id, t + Duration.FromMinutes(10), street, d, t + Duration.FromMinutes(40), "吹哨"));
                    later.Add(random.Next(5) == 0
                        ? new DepartmentReportMissed(id, t + Duration.FromMinutes(41), d)
                        : new DepartmentReported(id, t + Duration.FromMinutes(20 + random.Next(30)), d));
                }
            }

            var roll = random.Next(100);
            if (roll < 75)
            {
                var resolvedAt = t + Duration.FromMinutes(30 + random.Next(60 * 48));
                later.Add(new RequestResolved(id, resolvedAt, handler, "已处理"));
                if (random.Next(100) < 80)
                {
                    later.Add(new RequestCalledBack(id, resolvedAt + Duration.FromHours(2), owner, (Satisfaction)(random.Next(10) switch { < 7 => 0, < 9 => 1, _ => 2 }), string.Empty));
                }
            }
            else if (roll < 90)
            {
                later.Add(new RequestExplained(id, t + Duration.FromMinutes(20), handler, "需协调", new LocalDate(2023, 3, 10)));
            }
            else if (roll < 93)
            {
                later.Add(new RequestRejected(id, t, handler, RejectionReason.Duplicate, "重复"));
            }
            else
            {
                later.Add(new RequestDeadlinePassed(id, policy.DeadlinesFor(CategoryClass.Ordinary, at).SameDay, DeadlineKind.SameDay));
            }
        }

        // A request's events stay in order (each list holds one request's later events in order); receipts come first.
        events.AddRange(later);
        return [.. events];
    }
}
