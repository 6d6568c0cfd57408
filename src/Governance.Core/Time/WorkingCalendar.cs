using System.Collections.ObjectModel;
using NodaTime;
using NodaTime.TimeZones;

namespace Governance.Core.Time;

/// <summary>
/// The Chinese working calendar: which dates are working days (ordinary weekdays and make-up working days, 调休) and
/// which are off (weekends and statutory holidays), and how much office time lies between two instants.
/// Immutable and safe to share between threads; create one with <see cref="WorkingCalendarBuilder"/> or use
/// <see cref="Default"/>.
/// </summary>
/// <remarks>
/// <para>
/// A date listed in the calendar data (a holiday-cn file or a day added in code) is a holiday or a make-up working day
/// as listed. Every other date, inside or outside the years the data covers (<see cref="Covers"/>), follows the
/// ordinary weekend rule: Monday to Friday are working days, Saturday and Sunday are not. So a question about a year
/// whose holidays are not yet published gets an answer that ignores that year's holidays, not an exception; check
/// <see cref="Covers"/> when that matters.
/// </para>
/// <para>
/// Dates must be in the ISO calendar (NodaTime's default); a date in another calendar system is refused with
/// <see cref="ArgumentException"/>. Day queries are O(1) array lookups and allocate nothing.
/// </para>
/// </remarks>
public sealed class WorkingCalendar
{
    private readonly DayTable _table;
    private readonly HashSet<int> _coveredYears;

    internal WorkingCalendar(DayTable table, IEnumerable<int> coveredYears, DateTimeZone zone, OfficeHours officeHours)
    {
        _table = table;
        var years = coveredYears.Order().ToArray();
        _coveredYears = [.. years];
        CoveredYears = new ReadOnlyCollection<int>(years);
        Zone = zone;
        OfficeHours = officeHours;
    }

    /// <summary>
    /// The calendar from the holiday-cn data shipped in this package (2007 onwards), in Asia/Shanghai, with
    /// <see cref="Time.OfficeHours.Default"/>. Built once, on first use.
    /// </summary>
    public static WorkingCalendar Default => DefaultHolder.Instance;

    /// <summary>The time zone whose clock the office hours are read on and in which instants fall on dates.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The office hours of every working day; working time accrues only within them.</summary>
    public OfficeHours OfficeHours { get; }

    /// <summary>The years, ascending, for which a holiday-cn file listing at least one day was added.</summary>
    public IReadOnlyList<int> CoveredYears { get; }

    /// <summary>
    /// True when a holiday-cn file for <paramref name="year"/> listing at least one day was added, so that year's
    /// holidays are known. An empty file (holiday-cn publishes <c>"days": []</c> before the State Council's notice) does
    /// not cover its year. Days added one by one with <see cref="WorkingCalendarBuilder.AddOffDay"/> do not either.
    /// </summary>
    public bool Covers(int year) => _coveredYears.Contains(year);

    /// <summary>
    /// True when <paramref name="date"/> is an ordinary working day (Monday to Friday, not listed as a holiday) or a
    /// listed make-up working day; false on weekends and holidays.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    public bool IsWorkingDay(LocalDate date) => _table.IsWorkingAt(_table.OffsetOf(date, nameof(date)));

    /// <summary>Tells what kind of day <paramref name="date"/> is and, for a listed day, the holiday's name.</summary>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    public CalendarDay Classify(LocalDate date)
    {
        var offset = _table.OffsetOf(date, nameof(date));
        return new CalendarDay(date, _table.KindAt(offset), _table.NameAt(offset));
    }

    /// <summary>
    /// The first working day strictly after <paramref name="date"/>, whether or not <paramref name="date"/> is itself a
    /// working day. Holidays and weekends in between are skipped; a make-up working day counts.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The answer would be after <see cref="LocalDate.MaxIsoValue"/>.</exception>
    public LocalDate NextWorkingDay(LocalDate date)
    {
        var offset = _table.OffsetOf(date, nameof(date));
        return _table.DateAt(_table.OffsetOfWorkingDay(_table.WorkingDaysBefore(offset + 1)), nameof(date));
    }

    /// <summary>
    /// Moves <paramref name="days"/> working days from <paramref name="date"/>.
    /// For <c>days &gt; 0</c>: the <paramref name="days"/>-th working day strictly after <paramref name="date"/>
    /// (so from a Friday, or from a Saturday, one working day is the next Monday unless that is a holiday).
    /// For <c>days &lt; 0</c>: the |<paramref name="days"/>|-th working day strictly before <paramref name="date"/>.
    /// For <c>days = 0</c>: <paramref name="date"/> itself if it is a working day, otherwise the next working day
    /// (a request received on a holiday starts on the next working day).
    /// The answer is always a working day, and it never decreases as <paramref name="days"/> grows; it strictly
    /// increases except from 0 to 1 when <paramref name="date"/> is not a working day (both give the next working day).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The answer would be outside the range of <see cref="LocalDate"/>.</exception>
    public LocalDate AddWorkingDays(LocalDate date, int days)
    {
        var offset = _table.OffsetOf(date, nameof(date));
        var index = days switch
        {
            > 0 => _table.WorkingDaysBefore(offset + 1) + days - 1,
            _ => _table.WorkingDaysBefore(offset) + days,
        };
        return _table.DateAt(_table.OffsetOfWorkingDay(index), nameof(days));
    }

    /// <summary>
    /// The number of working days in <paramref name="interval"/>, both ends included (as in NodaTime's
    /// <see cref="DateInterval"/>).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="interval"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="interval"/> is not in the ISO calendar.</exception>
    public int CountWorkingDays(DateInterval interval)
    {
        Preconditions.CheckNotNull(interval);
        var start = _table.OffsetOf(interval.Start, nameof(interval));
        var end = _table.OffsetOf(interval.End, nameof(interval));
        return (int)(_table.WorkingDaysBefore(end + 1) - _table.WorkingDaysBefore(start));
    }

    /// <summary>
    /// The office time between <paramref name="start"/> (inclusive) and <paramref name="end"/> (exclusive): the part
    /// of [start, end) that falls within <see cref="OfficeHours"/> on working days, read on the clock of
    /// <see cref="Zone"/>. Holidays and weekends contribute nothing; a make-up working day contributes a full day.
    /// Zero when <paramref name="start"/> is not before <paramref name="end"/>; never negative. Additive:
    /// between(a, b) + between(b, c) = between(a, c) for a ≤ b ≤ c.
    /// </summary>
    /// <remarks>
    /// Office hours are counted on the wall clock: in a zone with daylight saving, a working day on which the clocks
    /// change during office hours still counts its nominal office hours. Asia/Shanghai has not changed its clocks since 1991.
    /// </remarks>
    public Duration WorkingTimeBetween(Instant start, Instant end)
    {
        if (start >= end)
        {
            return Duration.Zero;
        }

        Position(start, out var startDays, out var startWorked);
        Position(end, out var endDays, out var endWorked);
        return (OfficeHours.PerWorkingDay * (endDays - startDays)) + Duration.FromNanoseconds(endWorked - startWorked);
    }

    /// <summary>
    /// The earliest instant at or after <paramref name="start"/> by which <paramref name="workingTime"/> of office time
    /// has passed, so that <c>WorkingTimeBetween(start, result) == workingTime</c>. Zero gives
    /// <paramref name="start"/> itself. Time outside office hours, on weekends and on holidays is skipped; when the
    /// working time runs out exactly at a closing time the answer is that closing time, not the next opening.
    /// For example, with the default hours, a request at 17:00 on a working day plus one working day (7 h) is due at
    /// 17:00 on the next working day.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="workingTime"/> is negative.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The answer would be beyond the range of <see cref="LocalDate"/>.</exception>
    public Instant AddWorkingTime(Instant start, Duration workingTime)
    {
        Preconditions.CheckArgument(workingTime >= Duration.Zero, nameof(workingTime), "The working time to add must not be negative.");
        if (workingTime == Duration.Zero)
        {
            return start;
        }

        var local = start.InZone(Zone).LocalDateTime;
        var offset = _table.OffsetOf(local.Date, nameof(start));
        var perDay = OfficeHours.NanosecondsPerDay;
        Int128 wanted = ((Int128)workingTime.Days * NodaConstants.NanosecondsPerDay) + workingTime.NanosecondOfDay;

        long dayOffset;
        long workedThatDay;
        var workedToday = _table.IsWorkingAt(offset) ? OfficeHours.WorkedBy(local.NanosecondOfDay) : perDay;
        if (wanted <= perDay - workedToday)
        {
            dayOffset = offset;
            workedThatDay = workedToday + (long)wanted;
        }
        else
        {
            // Whole and part days after today: the m-th working day after today, with (0, perDay] worked on it.
            var beyondToday = wanted - (perDay - workedToday);
            var days = ((beyondToday - 1) / perDay) + 1;
            if (days > int.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(workingTime), "The result would be outside the range of LocalDate.");
            }

            workedThatDay = (long)(beyondToday - ((days - 1) * perDay));
            dayOffset = _table.OffsetOfWorkingDay(_table.WorkingDaysBefore(offset + 1) + (long)days - 1);
        }

        var date = _table.DateAt(dayOffset, nameof(workingTime));
        var time = LocalTime.FromNanosecondsSinceMidnight(OfficeHours.TimeWhenWorked(workedThatDay));
        return ToInstant(date + time, Zone.GetUtcOffset(start));
    }

    /// <summary>
    /// Maps a local time to an instant, trying the offset in force at the start first: that is right whenever the
    /// zone's offset has not changed since (checked, with a look an hour back so that a time repeated by a usual one-hour
    /// fall-back is left to the resolver), and unlike <see cref="DateTimeZone.ResolveLocal(LocalDateTime, ZoneLocalMappingResolver)"/>
    /// allocates nothing. A skipped local time is moved forward by the gap; an ambiguous one takes the earlier instant.
    /// </summary>
    internal Instant ToInstant(LocalDateTime local, Offset likelyOffset)
    {
        var candidate = new OffsetDateTime(local, likelyOffset).ToInstant();
        return Zone.GetUtcOffset(candidate) == likelyOffset && Zone.GetUtcOffset(candidate - Duration.FromHours(1)) == likelyOffset
            ? candidate
            : Zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant();
    }

    /// <summary>
    /// Maps a local time in <see cref="Zone"/> to an instant like the lenient resolver does, without allocating when the
    /// zone's offset is steady around it (the usual case; always so in Asia/Shanghai since 1991).
    /// </summary>
    internal Instant ToInstantLeniently(LocalDateTime local) => ToInstant(local, Zone.GetUtcOffset(local.InUtc().ToInstant()));

    /// <summary>Where an instant is on the working-time line: whole working days before its date, and time worked on it.</summary>
    private void Position(Instant instant, out long workingDaysBefore, out long workedThatDay)
    {
        var local = instant.InZone(Zone).LocalDateTime;
        var offset = _table.OffsetOf(local.Date, nameof(instant));
        workingDaysBefore = _table.WorkingDaysBefore(offset);
        workedThatDay = _table.IsWorkingAt(offset) ? OfficeHours.WorkedBy(local.NanosecondOfDay) : 0;
    }

    private static class DefaultHolder
    {
        internal static readonly WorkingCalendar Instance = WorkingCalendarBuilder.FromShippedHolidayData().Build();
    }
}
