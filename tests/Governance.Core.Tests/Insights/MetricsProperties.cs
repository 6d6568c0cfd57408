using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Core.Desk;
using Governance.Core.Insights;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Tests.Desk;
using NodaTime;

namespace Governance.Core.Tests.Insights;

/// <summary>The metrics' promises, checked on the events of random desk scripts over the sample district.</summary>
public sealed class MetricsProperties
{
    private const int Steps = 80;

    private static readonly Instant Start = DeskFixture.At(1, 8);

    /// <summary>Feeds each operation's events to the metrics as the desk produces them (the incremental projection).</summary>
    private sealed class MetricsSink(RequestMetrics metrics) : IRequestEventSink
    {
        public List<RequestEvent> Log { get; } = [];

        public void Append(IReadOnlyList<RequestEvent> events)
        {
            Log.AddRange(events);
            foreach (var e in events)
            {
                metrics.Apply(e);
            }
        }
    }

    private static (RequestMetrics Metrics, List<RequestEvent> Log, Instant End) Run(int seed)
    {
        var (metrics, log, end, _) = RunDesk(seed);
        return (metrics, log, end);
    }

    private static (RequestMetrics Metrics, List<RequestEvent> Log, Instant End, RequestDesk Desk) RunDesk(int seed)
    {
        var metrics = new RequestMetrics(DeskFixture.Chart);
        var sink = new MetricsSink(metrics);
        var clock = new NodaTime.Testing.FakeClock(Start);
        var desk = new RequestDesk(DeskFixture.Router, Governance.Core.Time.ServiceLevelPolicy.Default, clock, sink);
        new DeskScript(seed).Record(desk, clock, Steps);
        return (metrics, sink.Log, clock.GetCurrentInstant(), desk);
    }

    private static IEnumerable<(string Name, long Value)> Fields(MetricsCounts c) =>
        typeof(MetricsCounts).GetProperties().Select(p => (p.Name, (long)p.GetValue(c)!));

    [Property(MaxTest = 30)]
    public Property Every_parents_counts_are_the_sum_of_its_childrens(int seed, byte daysLater)
    {
        var (_, log, end) = Run(seed);
        // Only requests located at buildings: then no request sits at a parent itself and the sum must be exact.
        var atBuildings = log.OfType<RequestReceived>()
            .Where(r => DeskFixture.Chart.GetUnit(r.Location.Unit).Level == UnitLevel.Building)
            .Select(r => r.RequestId).ToHashSet();
        var metrics = new RequestMetrics(DeskFixture.Chart);
        metrics.ApplyRange(log.Where(e => atBuildings.Contains(e.RequestId)));
        var report = metrics.Report(end + Duration.FromHours(daysLater % 20));
        var failures = new List<string>();
        foreach (var unit in report.Units)
        {
            var children = DeskFixture.Chart.ChildrenOf(DeskFixture.Chart.GetUnit(unit.Unit)).ToArray();
            if (children.Length == 0)
            {
                continue;
            }

            var childCounts = children.Select(c => Fields(report.ForUnit(c.Id).Figures.Counts).ToArray()).ToArray();
            foreach (var (field, i) in Fields(unit.Figures.Counts).Select((f, i) => (f, i)))
            {
                var sum = childCounts.Sum(c => c[i].Value);
                if (sum != field.Value)
                {
                    failures.Add($"{unit.Unit}.{field.Name} = {field.Value}, children sum to {sum}");
                }
            }
        }

        return (failures.Count == 0).Label(string.Join("\n", failures.Take(10)))
            .Classify(atBuildings.Count > 20, "more than 20 requests at buildings");
    }

    [Property(MaxTest = 30)]
    public Property A_units_received_count_is_every_request_located_in_its_subtree_and_handlers_add_up_to_the_district(int seed)
    {
        var (metrics, log, end) = Run(seed);
        var report = metrics.Report(end);
        var chart = DeskFixture.Chart;
        var locations = log.OfType<RequestReceived>().Select(r => chart.GetUnit(r.Location.Unit)).ToArray();
        var failures = new List<string>();
        foreach (var unit in report.Units)
        {
            var u = chart.GetUnit(unit.Unit);
            var expected = locations.Count(l => chart.IsWithin(l, u));
            if (unit.Figures.Counts.Received != expected)
            {
                failures.Add($"{unit.Unit} received {unit.Figures.Counts.Received}, {expected} located there");
            }
        }

        var district = Fields(report.Units[0].Figures.Counts).ToArray();
        var handlers = report.Handlers.Select(h => Fields(h.Figures.Counts).ToArray()).ToArray();
        for (var i = 0; i < district.Length; i++)
        {
            var sum = handlers.Sum(h => h[i].Value);
            if (sum != district[i].Value)
            {
                failures.Add($"handlers' {district[i].Name} sum to {sum}, the district has {district[i].Value}");
            }
        }

        return (failures.Count == 0).Label(string.Join("\n", failures.Take(10)));
    }

    [Property(MaxTest = 30)]
    public Property The_districts_open_and_closed_requests_are_the_desks(int seed)
    {
        var (metrics, _, end, desk) = RunDesk(seed);
        var c = metrics.Report(end).Units[0].Figures.Counts;
        return (c.Received == desk.ReceivedCount && c.Closed == desk.ClosedCount && c.Open == desk.OpenCount)
            .Label($"metrics: received {c.Received}, closed {c.Closed}, open {c.Open}; desk: {desk.ReceivedCount}, {desk.ClosedCount}, {desk.OpenCount}")
            .Classify(c.Rejected + c.Merged > 0, "some rejected or merged")
            .Classify(c.CalledBack > 0, "some called back");
    }

    [Property(MaxTest = 30)]
    public Property Rates_stay_within_zero_and_one_and_are_null_only_without_a_denominator(int seed, byte hoursLater)
    {
        var (metrics, _, end) = Run(seed);
        var report = metrics.Report(end + Duration.FromHours(hoursLater));
        var failures = new List<string>();
        foreach (var (scope, f) in report.Units.Select(u => (u.Unit.Value, u.Figures)).Concat(report.Handlers.Select(h => (h.Handler.ToString(), h.Figures))))
        {
            var c = f.Counts;
            Check(scope, "response", f.ResponseRate, c.ResponseDue);
            Check(scope, "resolution", f.ResolutionRate, c.ResolutionDue);
            Check(scope, "satisfaction", f.SatisfactionRate, c.CalledBack);
            Check(scope, "same-day", f.SameDayRate, c.SameDayDue);
            if (f.CompositeScore is { } s && (s < 0 || s > 1))
            {
                failures.Add($"{scope}: composite {s}");
            }

            if ((f.TimeToResolveMedian is null) != (c.Resolved == 0) || f.TimeToResolveMedian > f.TimeToResolveP90)
            {
                failures.Add($"{scope}: median {f.TimeToResolveMedian}, p90 {f.TimeToResolveP90}, resolved {c.Resolved}");
            }
        }

        void Check(string scope, string name, double? rate, long denominator)
        {
            if ((rate is null) != (denominator == 0) || rate is < 0 or > 1)
            {
                failures.Add($"{scope}: {name} rate {rate} with denominator {denominator}");
            }
        }

        return (failures.Count == 0).Label(string.Join("\n", failures.Take(10)));
    }

    [Property(MaxTest = 30)]
    public Property Figures_from_a_replayed_log_equal_the_incremental_ones(int seed)
    {
        var (incremental, log, end) = Run(seed);
        var replayed = new RequestMetrics(DeskFixture.Chart);
        replayed.ApplyRange(log.Select(RequestEventJson.Serialize).Select(RequestEventJson.Deserialize));
        var asOf = end + Duration.FromDays(3);
        return (MetricsJson.Serialize(incremental.Report(asOf)) == MetricsJson.Serialize(replayed.Report(asOf))).Label("replay differs")
            .Classify(log.Count > 100, "more than 100 events");
    }

    [Property(MaxTest = 30)]
    public Property Percentiles_are_exact_nearest_rank(int seed)
    {
        var (metrics, log, end) = Run(seed);
        var report = metrics.Report(end);
        // Independent: for each request, its last resolution unless a reopen came after it; skip rejected and merged.
        var received = log.OfType<RequestReceived>().ToDictionary(r => r.RequestId);
        var outOfRates = log.Where(e => e is RequestRejected or RequestMerged).Select(e => e.RequestId).ToHashSet();
        var resolvedAt = new Dictionary<RequestId, Instant>();
        foreach (var e in log)
        {
            if (e is RequestResolved r)
            {
                resolvedAt[r.RequestId] = r.At;
            }
            else if (e is RequestReopened o)
            {
                resolvedAt.Remove(o.RequestId);
            }
        }

        var durations = resolvedAt.Where(kv => !outOfRates.Contains(kv.Key))
            .Select(kv => kv.Value - received[kv.Key].At).Order().ToArray();
        var district = report.Units[0].Figures;
        if (durations.Length == 0)
        {
            return (district.TimeToResolveMedian is null).Label("median without resolutions");
        }

        var median = durations[((durations.Length + 1) / 2) - 1];
        var p90 = durations[(int)Math.Ceiling(durations.Length * 9 / 10.0) - 1];
        return (district.TimeToResolveMedian == median && district.TimeToResolveP90 == p90)
            .Label($"median {district.TimeToResolveMedian} vs {median}, p90 {district.TimeToResolveP90} vs {p90} of {durations.Length}");
    }
}
