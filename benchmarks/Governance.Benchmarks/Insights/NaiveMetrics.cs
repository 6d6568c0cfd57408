using Governance.Core.Organization;
using Governance.Core.Requests;
using NodaTime;

namespace Governance.Benchmarks.Insights;

/// <summary>
/// The obvious way: LINQ over the event list. Group events by request and fold each group into a record; then for each
/// level, group the requests by their ancestor at that level and compute each group's counts, rates and percentiles
/// (by sorting). Computes the same main figures as <c>RequestMetrics</c> (the three rates, same-day rate, median and p90)
/// for every unit; it returns one of them so the work is not optimised away.
/// </summary>
internal static class NaiveMetrics
{
    private sealed record Folded(Unit Unit, Instant Received, Instant SameDay, Instant Resolution, Instant? Responded,
        Instant? Answered, Instant? Resolved, Satisfaction? Satisfaction, bool OutOfRates);

    public static double? DistrictSatisfaction(Chart chart, IReadOnlyList<RequestEvent> events, Instant asOf)
    {
        var requests = events.GroupBy(e => e.RequestId).Select(g =>
        {
            var received = (RequestReceived)g.First();
            return new Folded(
                chart.GetUnit(received.Location.Unit), received.At, received.Deadlines.SameDay, received.Deadlines.Resolution,
                g.Where(e => e is RequestAccepted or RequestExplained or RequestResolved).Select(e => (Instant?)e.At).FirstOrDefault(),
                g.Where(e => e is RequestExplained or RequestResolved).Select(e => (Instant?)e.At).FirstOrDefault(),
                g.OfType<RequestResolved>().Select(e => (Instant?)e.At).LastOrDefault(),
                g.OfType<RequestCalledBack>().Select(e => (Satisfaction?)e.Satisfaction).LastOrDefault(),
                g.Any(e => e is RequestRejected or RequestMerged));
        }).Where(r => !r.OutOfRates).ToList();

        double? districtSatisfaction = null;
        for (var level = UnitLevel.District; level <= UnitLevel.Building; level++)
        {
            var l = level;
            foreach (var group in requests.GroupBy(r => chart.AncestorOrSelfAt(r.Unit, l)).Where(g => g.Key is not null))
            {
                var responseDue = group.Count(r => r.Responded is not null || asOf >= r.Received + Duration.FromHours(24));
                var responded = group.Count(r => r.Responded is { } x && x <= r.Received + Duration.FromHours(24));
                var resolutionDue = group.Count(r => r.Resolved is not null || asOf >= r.Resolution);
                var resolved = group.Count(r => r.Resolved is not null);
                var calledBack = group.Where(r => r.Satisfaction is not null).ToList();
                var sameDayDue = group.Where(r => asOf >= r.SameDay).ToList();
                var durations = group.Where(r => r.Resolved is not null).Select(r => r.Resolved!.Value - r.Received).OrderBy(d => d).ToList();
                double? satisfaction = calledBack.Count == 0 ? null
                    : (calledBack.Count(r => r.Satisfaction == Satisfaction.Satisfied) + (0.9 * calledBack.Count(r => r.Satisfaction == Satisfaction.PartlySatisfied))) / calledBack.Count;
                _ = responseDue == 0 ? (double?)null : (double)responded / responseDue;
                _ = resolutionDue == 0 ? (double?)null : (double)resolved / resolutionDue;
                _ = sameDayDue.Count == 0 ? (double?)null : (double)sameDayDue.Count(r => r.Answered is { } a && a < r.SameDay) / sameDayDue.Count;
                _ = durations.Count == 0 ? (Duration?)null : durations[((durations.Count + 1) / 2) - 1];
                _ = durations.Count == 0 ? (Duration?)null : durations[(int)Math.Ceiling(durations.Count * 0.9) - 1];
                if (level == UnitLevel.District)
                {
                    districtSatisfaction = satisfaction;
                }
            }
        }

        return districtSatisfaction;
    }
}
