namespace Governance.Core.Insights;

/// <summary>
/// The counts behind every figure of one scope (a unit's subtree or a handler) as of a report's instant. Every count is
/// additive: a parent unit's counts are exactly the sum of its children's plus those of requests located at the parent
/// itself, and the rates are derived from the summed counts, never averaged.
/// </summary>
/// <remarks>
/// <para>
/// A request is <em>assessed</em> unless it was rejected or merged into another (a duplicate or out-of-scope request is
/// not held against anyone); the three rates and the same-day rate judge assessed requests only. The event counts
/// (<see cref="Escalations"/>, <see cref="Whistles"/>, <see cref="ReportsMissed"/>, the missed deadlines and
/// <see cref="Reopens"/>) count events of every request, assessed or not.
/// </para>
/// <para>"Due" counts are the denominators: the requests that can be judged as of the report's instant.</para>
/// </remarks>
public sealed record MetricsCounts
{
    /// <summary>Requests received (one per <c>RequestReceived</c>).</summary>
    public long Received { get; init; }

    /// <summary>Requests whose last lifecycle event is a rejection.</summary>
    public long Rejected { get; init; }

    /// <summary>Requests merged into another request.</summary>
    public long Merged { get; init; }

    /// <summary>Requests judged by the rates: <see cref="Received"/> − <see cref="Rejected"/> − <see cref="Merged"/>.</summary>
    public long Assessed { get; init; }

    /// <summary>
    /// Requests closed for good: called back (<see cref="CalledBack"/>), rejected or merged. Every request is either
    /// closed or <see cref="Open"/>.
    /// </summary>
    public long Closed { get; init; }

    /// <summary>Requests still open as of the report's instant: <see cref="Received"/> − <see cref="Closed"/>.</summary>
    public long Open { get; init; }

    /// <summary>Assessed requests not resolved (never resolved, or reopened since).</summary>
    public long Unresolved { get; init; }

    /// <summary>Assessed requests that were responded to, or whose response limit has elapsed: the response rate's denominator.</summary>
    public long ResponseDue { get; init; }

    /// <summary>Assessed requests first accepted, explained or resolved within the response limit of their receipt (inclusive).</summary>
    public long RespondedInTime { get; init; }

    /// <summary>Assessed requests that are resolved, or whose resolution deadline in force has passed: the resolution rate's denominator.</summary>
    public long ResolutionDue { get; init; }

    /// <summary>Assessed requests resolved and not reopened since.</summary>
    public long Resolved { get; init; }

    /// <summary>Assessed requests whose resident was called back (the last call-back counts): the satisfaction rate's denominator.</summary>
    public long CalledBack { get; init; }

    /// <summary>Of <see cref="CalledBack"/>: 满意.</summary>
    public long Satisfied { get; init; }

    /// <summary>Of <see cref="CalledBack"/>: 基本满意.</summary>
    public long PartlySatisfied { get; init; }

    /// <summary>Of <see cref="CalledBack"/>: 不满意.</summary>
    public long Dissatisfied { get; init; }

    /// <summary>
    /// Assessed requests whose same-day deadline (the end of the local day of receipt) is at or before the report's
    /// instant, or recorded as passed: the same-day rate's denominator.
    /// </summary>
    public long SameDayDue { get; init; }

    /// <summary>Of <see cref="SameDayDue"/>: first explained or resolved strictly before the same-day deadline (当天解决或说明原因).</summary>
    public long AnsweredSameDay { get; init; }

    /// <summary>Escalations (上报), counted per <c>RequestEscalated</c> event.</summary>
    public long Escalations { get; init; }

    /// <summary>Whistles (吹哨), counted per <c>DepartmentSummoned</c> event.</summary>
    public long Whistles { get; init; }

    /// <summary>Summoned departments that missed their report limit, counted per <c>DepartmentReportMissed</c> event.</summary>
    public long ReportsMissed { get; init; }

    /// <summary>Reopens, counted per <c>RequestReopened</c> event.</summary>
    public long Reopens { get; init; }

    /// <summary>Warning points passed while open, counted per <c>RequestDeadlinePassed</c> event of that kind.</summary>
    public long WarningDeadlinesMissed { get; init; }

    /// <summary>Same-day deadlines missed, counted per <c>RequestDeadlinePassed</c> event of that kind.</summary>
    public long SameDayDeadlinesMissed { get; init; }

    /// <summary>Resolution deadlines missed, counted per <c>RequestDeadlinePassed</c> event of that kind.</summary>
    public long ResolutionDeadlinesMissed { get; init; }
}

/// <summary>The mutable, additive form of <see cref="MetricsCounts"/> used while a report is computed.</summary>
internal struct Tally
{
    public long Received;
    public long Rejected;
    public long Merged;
    public long Unresolved;
    public long ResponseDue;
    public long RespondedInTime;
    public long ResolutionDue;
    public long Resolved;
    public long Satisfied;
    public long PartlySatisfied;
    public long Dissatisfied;
    public long SameDayDue;
    public long AnsweredSameDay;
    public long Escalations;
    public long Whistles;
    public long ReportsMissed;
    public long Reopens;
    public long WarningMissed;
    public long SameDayMissed;
    public long ResolutionMissed;

    public void Add(in Tally other)
    {
        Received += other.Received;
        Rejected += other.Rejected;
        Merged += other.Merged;
        Unresolved += other.Unresolved;
        ResponseDue += other.ResponseDue;
        RespondedInTime += other.RespondedInTime;
        ResolutionDue += other.ResolutionDue;
        Resolved += other.Resolved;
        Satisfied += other.Satisfied;
        PartlySatisfied += other.PartlySatisfied;
        Dissatisfied += other.Dissatisfied;
        SameDayDue += other.SameDayDue;
        AnsweredSameDay += other.AnsweredSameDay;
        Escalations += other.Escalations;
        Whistles += other.Whistles;
        ReportsMissed += other.ReportsMissed;
        Reopens += other.Reopens;
        WarningMissed += other.WarningMissed;
        SameDayMissed += other.SameDayMissed;
        ResolutionMissed += other.ResolutionMissed;
    }

    public readonly MetricsCounts ToCounts()
    {
        var calledBack = Satisfied + PartlySatisfied + Dissatisfied;
        var closed = calledBack + Rejected + Merged;
        return new()
        {
            Received = Received,
            Rejected = Rejected,
            Merged = Merged,
            Assessed = Received - Rejected - Merged,
            Closed = closed,
            Open = Received - closed,
            Unresolved = Unresolved,
            ResponseDue = ResponseDue,
            RespondedInTime = RespondedInTime,
            ResolutionDue = ResolutionDue,
            Resolved = Resolved,
            CalledBack = calledBack,
            Satisfied = Satisfied,
            PartlySatisfied = PartlySatisfied,
            Dissatisfied = Dissatisfied,
            SameDayDue = SameDayDue,
            AnsweredSameDay = AnsweredSameDay,
            Escalations = Escalations,
            Whistles = Whistles,
            ReportsMissed = ReportsMissed,
            Reopens = Reopens,
            WarningDeadlinesMissed = WarningMissed,
            SameDayDeadlinesMissed = SameDayMissed,
            ResolutionDeadlinesMissed = ResolutionMissed,
        };
    }
}
