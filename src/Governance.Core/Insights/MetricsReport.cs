using Governance.Core.Organization;
using NodaTime;

namespace Governance.Core.Insights;

/// <summary>
/// The figures of one scope — a unit's subtree or a handler — as of a report's instant: the counts and what is derived
/// from them. Every rate is in [0, 1] and is <see langword="null"/> when its denominator is zero (no request can be
/// judged yet: no figure, rather than a flattering 1).
/// </summary>
/// <param name="Counts">The additive counts every other figure is derived from.</param>
/// <param name="ResponseRate">响应率: <see cref="MetricsCounts.RespondedInTime"/> / <see cref="MetricsCounts.ResponseDue"/>.</param>
/// <param name="ResolutionRate">解决率: <see cref="MetricsCounts.Resolved"/> / <see cref="MetricsCounts.ResolutionDue"/>.</param>
/// <param name="SatisfactionRate">
/// 满意率: (<see cref="MetricsCounts.Satisfied"/> + w · <see cref="MetricsCounts.PartlySatisfied"/>) /
/// <see cref="MetricsCounts.CalledBack"/>, w being <see cref="MetricsOptions.PartlySatisfiedWeight"/>.
/// </param>
/// <param name="CompositeScore">
/// The weighted sum of the three rates with <see cref="MetricsOptions"/>' weights; <see langword="null"/> when any of the
/// three is (weights are not re-spread over the rates that exist, which would change their meaning). Clamped to [0, 1]
/// against rounding.
/// </param>
/// <param name="SameDayRate">
/// 当天解决或说明原因: <see cref="MetricsCounts.AnsweredSameDay"/> / <see cref="MetricsCounts.SameDayDue"/>.
/// </param>
/// <param name="TimeToResolveMedian">
/// The median time from receipt to (last) resolution of the resolved requests counted in <see cref="MetricsCounts.Resolved"/>,
/// by nearest rank (the ⌈n/2⌉-th smallest: a duration that occurred; the lower middle one for an even count), exact to
/// the tick (100 ns); paused time is included. <see langword="null"/> when nothing is resolved.
/// </param>
/// <param name="TimeToResolveP90">The 90th percentile of the same durations by nearest rank: the ⌈0.9·n⌉-th smallest.</param>
public sealed record MetricsFigures(
    MetricsCounts Counts, double? ResponseRate, double? ResolutionRate, double? SatisfactionRate, double? CompositeScore,
    double? SameDayRate, Duration? TimeToResolveMedian, Duration? TimeToResolveP90);

/// <summary>The figures of a unit's whole subtree: requests located at the unit or anywhere below it.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Name">Its name.</param>
/// <param name="Level">Its level in the tree.</param>
/// <param name="Parent">Its parent; <see langword="null"/> for the district.</param>
/// <param name="Figures">The figures.</param>
public sealed record UnitMetrics(UnitId Unit, string Name, UnitLevel Level, UnitId? Parent, MetricsFigures Figures);

/// <summary>
/// The figures of the requests whose current handler (承办单位: the <c>Handler</c> of their receipt, or the target of
/// their last forward or escalation) is <paramref name="Handler"/>. Every figure of a request counts for that one
/// handler, so handlers' counts also add up to the district's.
/// </summary>
/// <param name="Handler">The handler.</param>
/// <param name="Figures">The figures.</param>
public sealed record HandlerMetrics(Agency Handler, MetricsFigures Figures);

/// <summary>A district department's answers to whistles (吹哨报到).</summary>
/// <param name="Department">The department.</param>
/// <param name="Summoned">Times it was summoned.</param>
/// <param name="Reported">Times it reported.</param>
/// <param name="ReportedLate">Of <paramref name="Reported"/>: reports after the summons' report limit.</param>
/// <param name="ReportsMissed">Times its report limit passed without a report (recorded by the desk).</param>
public sealed record DepartmentMetrics(DistrictDepartmentId Department, long Summoned, long Reported, long ReportedLate, long ReportsMissed);

/// <summary>
/// A snapshot of every figure as of <paramref name="AsOf"/>: each unit of the chart in tree order (depth first, children
/// in the order they were added), each handler that holds a request (ordered by kind, then id) and each summoned
/// department (ordered by id). Serialise with <see cref="MetricsJson"/>.
/// </summary>
/// <param name="AsOf">The instant the figures are judged at.</param>
/// <param name="Options">The options the rates were computed with.</param>
/// <param name="Units">Every unit's subtree figures; the first is the district.</param>
/// <param name="Handlers">Every current handler's figures.</param>
/// <param name="Departments">Every summoned department's whistle figures.</param>
public sealed record MetricsReport(
    Instant AsOf, MetricsOptions Options, IReadOnlyList<UnitMetrics> Units, IReadOnlyList<HandlerMetrics> Handlers,
    IReadOnlyList<DepartmentMetrics> Departments)
{
    /// <summary>The figures of <paramref name="unit"/>'s subtree.</summary>
    /// <exception cref="KeyNotFoundException">The report has no such unit.</exception>
    public UnitMetrics ForUnit(UnitId unit)
    {
        foreach (var u in Units)
        {
            if (u.Unit == unit)
            {
                return u;
            }
        }

        throw new KeyNotFoundException($"The report has no unit with id '{unit}'.");
    }

    /// <summary>The figures of <paramref name="handler"/>; <see langword="null"/> when it holds no request.</summary>
    public HandlerMetrics? ForHandler(Agency handler)
    {
        foreach (var h in Handlers)
        {
            if (h.Handler == handler)
            {
                return h;
            }
        }

        return null;
    }
}
