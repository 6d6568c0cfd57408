using System.Globalization;
using NodaTime;
using NodaTime.TimeZones;

namespace Governance.Core.Time;

/// <summary>
/// How long a request of one <see cref="CategoryClass"/> has to be resolved, and on which clock that time is counted.
/// Immutable; create one with <see cref="CalendarTime"/>, <see cref="WorkingTime"/> or <see cref="WorkingDays"/>.
/// Two limits are equal when their clock and amount are equal.
/// </summary>
/// <remarks>
/// Every limit is positive and at most a year (366 days, or 366 working days), so that deadline arithmetic stays
/// far inside the range of <see cref="Instant"/> and a typo in a policy file (<c>"hours": 20000000</c>) is refused
/// instead of producing a deadline nobody can check.
/// </remarks>
public sealed record ResolutionLimit
{
    internal const int MaxDays = 366;

    internal static readonly Duration MaxDuration = Duration.FromDays(MaxDays);

    private ResolutionLimit(LimitClock clock, Duration amount, int days)
    {
        Clock = clock;
        Amount = amount;
        Days = days;
    }

    /// <summary>
    /// How the limit counts time: <see cref="LimitClock.CalendarTime"/> and <see cref="LimitClock.WorkingTime"/> use
    /// <see cref="Amount"/>, <see cref="LimitClock.WorkingDays"/> uses <see cref="Days"/>.
    /// </summary>
    public LimitClock Clock { get; }

    /// <summary>
    /// The length of a <see cref="LimitClock.CalendarTime"/> or <see cref="LimitClock.WorkingTime"/> limit
    /// (calendar time or office time respectively); <see cref="Duration.Zero"/> for a <see cref="LimitClock.WorkingDays"/> limit.
    /// </summary>
    public Duration Amount { get; }

    /// <summary>The number of working days of a <see cref="LimitClock.WorkingDays"/> limit; 0 for the other clocks.</summary>
    public int Days { get; }

    /// <summary>
    /// A limit counted on the calendar, around the clock: the deadline is the start plus <paramref name="limit"/>,
    /// whatever the hour, weekend or holiday. A pause extends it by the calendar time paused.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="limit"/> is not positive or is longer than 366 days.</exception>
    public static ResolutionLimit CalendarTime(Duration limit)
    {
        CheckDuration(limit, nameof(limit));
        return new ResolutionLimit(LimitClock.CalendarTime, limit, 0);
    }

    /// <summary>
    /// A limit counted in office time: the deadline is <see cref="WorkingCalendar.AddWorkingTime"/>(start,
    /// <paramref name="limit"/>), so nights, weekends and holidays do not count, and a limit that runs out exactly at a
    /// closing time is due at that closing time. A pause extends it by the office time paused.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="limit"/> is not positive or is longer than 366 days.</exception>
    public static ResolutionLimit WorkingTime(Duration limit)
    {
        CheckDuration(limit, nameof(limit));
        return new ResolutionLimit(LimitClock.WorkingTime, limit, 0);
    }

    /// <summary>
    /// A limit of whole working days: the deadline is the close of office hours (the end of the last
    /// <see cref="OfficeHours.Periods">office period</see>) on the <paramref name="days"/>-th working day strictly after
    /// the local date of the start (<see cref="WorkingCalendar.AddWorkingDays"/>). What is left of the day of the start
    /// is not counted, so a request received on a Friday morning with 1 working day is due at the close of Monday
    /// (unless Monday is a holiday). A pause extends it by the office time paused, so after a pause the deadline may be
    /// in the middle of a working day.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="days"/> is not between 1 and 366.</exception>
    public static ResolutionLimit WorkingDays(int days)
    {
        Preconditions.CheckArgument(
            days is > 0 and <= MaxDays,
            nameof(days),
            $"A resolution limit must be between 1 and {MaxDays} working days; got {days}.");
        return new ResolutionLimit(LimitClock.WorkingDays, Duration.Zero, days);
    }

    /// <summary>Describes the limit, for example <c>2 hours of calendar time</c> or <c>7 working days</c>.</summary>
    public override string ToString() => Clock switch
    {
        LimitClock.WorkingDays => Days == 1 ? "1 working day" : string.Create(CultureInfo.InvariantCulture, $"{Days} working days"),
        LimitClock.WorkingTime => $"{Describe(Amount)} of working time",
        _ => $"{Describe(Amount)} of calendar time",
    };

    /// <summary>
    /// The deadline of this limit for a request whose clock starts at <paramref name="start"/>, and the instant at
    /// which <paramref name="fraction"/> of the time to it, measured on this limit's clock, has passed.
    /// </summary>
    internal (Instant Deadline, Instant Warning) DeadlineFrom(Instant start, WorkingCalendar calendar, double fraction)
    {
        switch (Clock)
        {
            case LimitClock.CalendarTime:
                var deadline = start + Amount;
                return (deadline, start + ((deadline - start) * fraction));
            case LimitClock.WorkingTime:
                return (calendar.AddWorkingTime(start, Amount), calendar.AddWorkingTime(start, Amount * fraction));
            default:
                var date = calendar.AddWorkingDays(start.InZone(calendar.Zone).Date, Days);
                var close = calendar.ToInstantLeniently(date + calendar.OfficeHours.Periods[^1].End);
                return (close, calendar.AddWorkingTime(start, calendar.WorkingTimeBetween(start, close) * fraction));
        }
    }

    /// <summary>
    /// Moves a deadline on this limit's clock by the pause [<paramref name="pausedAt"/>, <paramref name="resumedAt"/>):
    /// by the calendar time paused for a calendar limit, by the office time paused for the working clocks.
    /// </summary>
    internal Instant Extend(Instant deadline, Instant pausedAt, Instant resumedAt, WorkingCalendar calendar) =>
        Clock == LimitClock.CalendarTime
            ? deadline + (resumedAt - pausedAt)
            : calendar.AddWorkingTime(deadline, calendar.WorkingTimeBetween(pausedAt, resumedAt));

    /// <summary>
    /// The time from <paramref name="from"/> to <paramref name="deadline"/> on this limit's clock: signed calendar time
    /// for a calendar limit, office time (zero once the deadline has passed) for the working clocks.
    /// </summary>
    internal Duration TimeLeft(Instant from, Instant deadline, WorkingCalendar calendar) =>
        Clock == LimitClock.CalendarTime ? deadline - from : calendar.WorkingTimeBetween(from, deadline);

    private static void CheckDuration(Duration limit, string paramName) =>
        Preconditions.CheckArgument(
            limit > Duration.Zero && limit <= MaxDuration,
            paramName,
            $"A resolution limit must be positive and at most {MaxDays} days; got {limit}.");

    private static string Describe(Duration amount)
    {
        var hours = amount.TotalHours;
        return amount == Duration.FromHours((long)hours)
            ? string.Create(CultureInfo.InvariantCulture, $"{(long)hours} {((long)hours == 1 ? "hour" : "hours")}")
            : string.Create(CultureInfo.InvariantCulture, $"{amount.TotalMinutes:0.#########} minutes");
    }
}
