using Governance.Core.Organization;
using NodaTime;

namespace Governance.Core.Time;

/// <summary>
/// The service levels of a desk: when each request is due under the first-contact rule (当天可以解决的必须当天解决，
/// 当天不能解决的要和业主说明原因 — solved today, or the resident told why today), when it must be resolved, when its
/// handler is warned, and how a pause while the resident cannot be reached moves those deadlines.
/// Immutable and safe to share between threads; build one with <see cref="ServiceLevelPolicyBuilder"/>, load one with
/// <see cref="ServiceLevelPolicyJson"/>, or use <see cref="Default"/>.
/// </summary>
/// <remarks>
/// Every deadline is the first instant at which the request is late; being on time means strictly before it. "The end
/// of a day" is the start (local midnight, or the first instant after it in a zone that skips midnight) of the next day
/// in <see cref="WorkingCalendar.Zone"/>.
/// </remarks>
public sealed class ServiceLevelPolicy : IServiceLevelPolicySource
{
    /// <summary>The default <see cref="WarningFraction"/>: warn when 80% of the time to the resolution deadline has passed.</summary>
    internal const double DefaultWarningFraction = 0.8;

    /// <summary>The default <see cref="WhistleReportLimit"/>: 30 minutes, as in the original 吹哨报到 practice.</summary>
    internal static readonly Duration DefaultWhistleReportLimit = Duration.FromMinutes(30);

    /// <summary>The longest <see cref="WhistleReportLimit"/> allowed: one day.</summary>
    internal static readonly Duration MaxWhistleReportLimit = Duration.FromDays(1);

    private readonly ResolutionLimit[] _limits;

    internal ServiceLevelPolicy(WorkingCalendar calendar, LocalTime? sameDayCutoff, double warningFraction, ResolutionLimit[] limits, Duration whistleReportLimit)
    {
        Calendar = calendar;
        SameDayCutoff = sameDayCutoff;
        WarningFraction = warningFraction;
        WhistleReportLimit = whistleReportLimit;
        _limits = limits;
    }

    /// <summary>This policy, whatever the unit and time: a desk with one policy for every request.</summary>
    /// <param name="unit">Ignored.</param>
    /// <param name="receivedAt">Ignored.</param>
    public ServiceLevelPolicy PolicyFor(Unit unit, Instant receivedAt) => this;

    /// <summary>
    /// <see cref="WorkingCalendar.Default"/> (Asia/Shanghai, 09:00-12:00 and 13:30-17:30), no same-day cut-off, warning
    /// at 0.8, and the limits of <see cref="DefaultLimitFor"/>: emergency 2 hours and utilities 24 hours of calendar
    /// time, ordinary 7 and complex 15 working days. Built once, on first use.
    /// </summary>
    public static ServiceLevelPolicy Default => DefaultHolder.Instance;

    /// <summary>The working calendar whose zone places instants on days and whose office hours and working days the working clocks count.</summary>
    public WorkingCalendar Calendar { get; }

    /// <summary>
    /// The time of day from which a request counts as received on the next working day, or <see langword="null"/>
    /// (the default) for none. See <see cref="ReceiptDay"/>.
    /// </summary>
    public LocalTime? SameDayCutoff { get; }

    /// <summary>
    /// The share of the time to the resolution deadline, measured on the limit's clock, after which the handler is
    /// warned; strictly between 0 and 1, default 0.8.
    /// </summary>
    public double WarningFraction { get; }

    /// <summary>
    /// How long a district department summoned by a whistle (吹哨) has to report (报到), in calendar time from the
    /// summons: more than zero and at most a day; default 30 minutes. A report after it is late and its miss is recorded.
    /// </summary>
    public Duration WhistleReportLimit { get; }

    /// <summary>
    /// The limit a new <see cref="ServiceLevelPolicyBuilder"/> starts with for <paramref name="categoryClass"/>:
    /// <see cref="CategoryClass.Emergency"/> 2 hours and <see cref="CategoryClass.Utilities"/> 24 hours, both of calendar
    /// time because those services run around the clock; <see cref="CategoryClass.Ordinary"/> 7 and
    /// <see cref="CategoryClass.Complex"/> 15 working days, counted in working days as the 12345 hotline counts 工作日.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="categoryClass"/> is not a defined <see cref="CategoryClass"/>.</exception>
    public static ResolutionLimit DefaultLimitFor(CategoryClass categoryClass) => CheckClass(categoryClass) switch
    {
        CategoryClass.Emergency => ResolutionLimit.CalendarTime(Duration.FromHours(2)),
        CategoryClass.Utilities => ResolutionLimit.CalendarTime(Duration.FromHours(24)),
        CategoryClass.Ordinary => ResolutionLimit.WorkingDays(7),
        _ => ResolutionLimit.WorkingDays(15),
    };

    /// <summary>The resolution limit of requests in <paramref name="categoryClass"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="categoryClass"/> is not a defined <see cref="CategoryClass"/>.</exception>
    public ResolutionLimit LimitFor(CategoryClass categoryClass) => _limits[(int)CheckClass(categoryClass)];

    /// <summary>
    /// The local date a request received at <paramref name="receivedAt"/> counts as received on, in the calendar's zone.
    /// Without a <see cref="SameDayCutoff"/> it is the local date of receipt, whatever kind of day that is: a request
    /// received on a holiday or at a weekend is due the same day, because the rule says 当天. With a cut-off, the desk's
    /// day ends at the cut-off and the desk keeps working days: a request received at or after the cut-off, or on a day
    /// that is not a working day, counts as received on the next working day (so a request on Friday evening and one on
    /// Saturday morning both count as Monday's, and a later receipt never counts as an earlier day).
    /// </summary>
    public LocalDate ReceiptDay(Instant receivedAt)
    {
        var local = receivedAt.InZone(Calendar.Zone).LocalDateTime;
        return SameDayCutoff is { } cutoff && (local.TimeOfDay >= cutoff || !Calendar.IsWorkingDay(local.Date))
            ? Calendar.NextWorkingDay(local.Date)
            : local.Date;
    }

    /// <summary>
    /// The deadlines of a request of <paramref name="categoryClass"/> received at <paramref name="receivedAt"/>.
    /// <list type="bullet">
    /// <item><description>
    /// <see cref="RequestDeadlines.SameDay"/>: the end of the <see cref="ReceiptDay"/> (the start of the next local day).
    /// Always after <paramref name="receivedAt"/>.
    /// </description></item>
    /// <item><description>
    /// <see cref="RequestDeadlines.Resolution"/>: <see cref="LimitFor"/> counted from the effective receipt. For the
    /// working clocks that is the receipt, or the start of the <see cref="ReceiptDay"/> when a cut-off moved the
    /// request to a later day. A <see cref="LimitClock.CalendarTime"/> limit counts from the receipt itself: it is for
    /// services that run around the clock, and a desk's cut-off must not turn a burst pipe reported on Friday night
    /// into Monday's business. No order between the resolution and same-day deadlines is implied.
    /// </description></item>
    /// <item><description>
    /// <see cref="RequestDeadlines.Warning"/>: when <see cref="WarningFraction"/> of the time from that start to the
    /// resolution deadline has passed, measured on the limit's clock (calendar time, or office time via
    /// <see cref="WorkingCalendar.WorkingTimeBetween"/> and <see cref="WorkingCalendar.AddWorkingTime"/>). It is never before
    /// <paramref name="receivedAt"/> nor after the resolution deadline.
    /// </description></item>
    /// </list>
    /// Each deadline never decreases as <paramref name="receivedAt"/> increases.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="categoryClass"/> is not a defined <see cref="CategoryClass"/>.</exception>
    public RequestDeadlines DeadlinesFor(CategoryClass categoryClass, Instant receivedAt)
    {
        var limit = LimitFor(categoryClass);
        var receiptDay = ReceiptDay(receivedAt);
        var start = receivedAt;
        if (limit.Clock != LimitClock.CalendarTime)
        {
            var startOfReceiptDay = StartOf(receiptDay);
            start = startOfReceiptDay > receivedAt ? startOfReceiptDay : receivedAt;
        }

        var (resolution, warning) = limit.DeadlineFrom(start, Calendar, WarningFraction);
        return new RequestDeadlines(StartOf(receiptDay.PlusDays(1)), warning, resolution);
    }

    /// <summary>
    /// The deadlines of a request of <paramref name="categoryClass"/> after a pause in which it waited on the resident
    /// (unreachable, or asked for more information) from <paramref name="pausedAt"/> until <paramref name="resumedAt"/>.
    /// <list type="bullet">
    /// <item><description>
    /// Resolution and warning are extended by the time paused on the clock of <see cref="LimitFor"/>(<paramref name="categoryClass"/>):
    /// by <c>resumedAt - pausedAt</c> for a <see cref="LimitClock.CalendarTime"/> limit; for the working clocks by the
    /// office time paused, <c>WorkingTimeBetween(pausedAt, resumedAt)</c>, added to the old deadline with
    /// <see cref="WorkingCalendar.AddWorkingTime"/> (so a working-days deadline may move into the middle of a day). The
    /// time left on that clock when the request resumes is therefore the time that was left when it paused.
    /// </description></item>
    /// <item><description>
    /// Same-day: if the pause began before the same-day deadline and the request resumes at or after it, the resident
    /// is told on the day they can be reached: the new same-day deadline is the end of the <see cref="ReceiptDay"/> of
    /// <paramref name="resumedAt"/> (without a cut-off, the end of the local day of resumption). Otherwise it is unchanged.
    /// </description></item>
    /// </list>
    /// No deadline ever moves earlier, and a pause of zero length changes nothing. The limit's clock is this policy's
    /// current one, so resume with the policy that computed <paramref name="deadlines"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="resumedAt"/> is before <paramref name="pausedAt"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="categoryClass"/> is not a defined <see cref="CategoryClass"/>.</exception>
    public RequestDeadlines Resume(RequestDeadlines deadlines, CategoryClass categoryClass, Instant pausedAt, Instant resumedAt)
    {
        Preconditions.CheckArgument(
            resumedAt >= pausedAt,
            nameof(resumedAt),
            $"A request cannot resume (resumedAt {resumedAt}) before it paused (pausedAt {pausedAt}).");
        var limit = LimitFor(categoryClass);
        var sameDay = pausedAt < deadlines.SameDay && resumedAt >= deadlines.SameDay
            ? StartOf(ReceiptDay(resumedAt).PlusDays(1))
            : deadlines.SameDay;
        return new RequestDeadlines(
            sameDay,
            limit.Extend(deadlines.Warning, pausedAt, resumedAt, Calendar),
            limit.Extend(deadlines.Resolution, pausedAt, resumedAt, Calendar));
    }

    /// <summary>A new builder holding this policy's calendar, cut-off, warning fraction and limits, to derive a changed policy.</summary>
    public ServiceLevelPolicyBuilder ToBuilder() => new(this);

    internal static CategoryClass CheckClass(CategoryClass categoryClass) =>
        categoryClass is >= CategoryClass.Emergency and <= CategoryClass.Complex
            ? categoryClass
            : throw new ArgumentOutOfRangeException(nameof(categoryClass), categoryClass, "Not a defined CategoryClass.");

    private Instant StartOf(LocalDate date) => Calendar.ToInstantLeniently(date.AtMidnight());

    private static class DefaultHolder
    {
        internal static readonly ServiceLevelPolicy Instance = new ServiceLevelPolicyBuilder().Build();
    }
}
