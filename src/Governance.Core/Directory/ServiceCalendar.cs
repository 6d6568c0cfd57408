using System.Collections.Immutable;
using Governance.Core.Organization;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Directory;

/// <summary>
/// 便民服务年历: what 于家务乡 handed to every household before 春节 — for one unit and one year, the statutory
/// holidays and make-up working days (调休), the unit's own activities, and its service card (whom to call for what).
/// Immutable. Export it with <see cref="ServiceCalendarHtml"/> (one printable A4 page) or as iCalendar with the
/// Governance.ICalendar package.
/// </summary>
public sealed class ServiceCalendar
{
    private readonly WorkingCalendar _calendar;

    private ServiceCalendar(WorkingCalendar calendar, int year, ContactCard card, ImmutableArray<HolidayPeriod> holidays, ImmutableArray<CalendarDay> makeUpWorkingDays, ImmutableArray<ServiceActivity> activities)
    {
        _calendar = calendar;
        Year = year;
        Card = card;
        Holidays = holidays;
        MakeUpWorkingDays = makeUpWorkingDays;
        Activities = activities;
    }

    /// <summary>The calendar year the service calendar is for.</summary>
    public int Year { get; }

    /// <summary>The unit the calendar is for.</summary>
    public Unit Unit => Card.Unit;

    /// <summary>The unit's service card, from the directory the calendar was made with.</summary>
    public ContactCard Card { get; }

    /// <summary>The time zone of the working calendar, in which the activities' times are read.</summary>
    public DateTimeZone Zone => _calendar.Zone;

    /// <summary>The statutory holidays falling in <see cref="Year"/>, as runs of consecutive dates with one name, in date order.</summary>
    public ImmutableArray<HolidayPeriod> Holidays { get; }

    /// <summary>The make-up working days (调休) in <see cref="Year"/>, in date order; each names the holiday it makes up for.</summary>
    public ImmutableArray<CalendarDay> MakeUpWorkingDays { get; }

    /// <summary>The unit's activities, by first date then title; each has at least one date in <see cref="Year"/>.</summary>
    public ImmutableArray<ServiceActivity> Activities { get; }

    /// <summary>
    /// Makes the service calendar of <paramref name="unit"/> for <paramref name="year"/>: holidays and make-up working
    /// days from <paramref name="calendar"/>, the card from <paramref name="directory"/>, and the given activities.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null, or an activity is.</exception>
    /// <exception cref="ArgumentException">The unit is not in the directory's chart (the message names its id), or an activity has no date in <paramref name="year"/> (the message names the activity).</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="calendar"/> has no holiday data for <paramref name="year"/> (<see cref="WorkingCalendar.Covers"/>),
    /// so the calendar would silently print no holidays; the message names the year and the years covered.
    /// </exception>
    public static ServiceCalendar Create(ServiceDirectory directory, WorkingCalendar calendar, UnitId unit, int year, IEnumerable<ServiceActivity> activities)
    {
        Preconditions.CheckNotNull(directory);
        Preconditions.CheckNotNull(calendar);
        Preconditions.CheckNotNull(activities);
        if (!calendar.Covers(year))
        {
            var covered = calendar.CoveredYears.Count == 0 ? "no year" : $"{calendar.CoveredYears[0]}–{calendar.CoveredYears[^1]}";
            throw new ArgumentOutOfRangeException(nameof(year), year,
                $"The working calendar has no holiday data for {year} (it covers {covered}), so a service calendar for {year} would print no holidays.");
        }

        var card = directory.CardFor(unit);
        var yearDates = new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31));
        var list = new List<ServiceActivity>();
        foreach (var activity in activities)
        {
            Preconditions.CheckNotNull(activity, nameof(activities));
            Preconditions.CheckArgument(activity.Dates.Start <= yearDates.End && activity.Dates.End >= yearDates.Start, nameof(activities),
                $"The activity '{activity.Title}' ({activity}) has no date in {year}, the year of the service calendar of '{unit}'.");
            list.Add(activity);
        }

        var holidays = ImmutableArray.CreateBuilder<HolidayPeriod>();
        var makeUp = ImmutableArray.CreateBuilder<CalendarDay>();
        (string Name, LocalDate Start, LocalDate End)? run = null;
        foreach (var date in yearDates)
        {
            var day = calendar.Classify(date);
            if (day.Kind == DayKind.MakeUpWorkingDay)
            {
                makeUp.Add(day);
            }

            if (day.Kind == DayKind.Holiday && run is { } r && r.Name == (day.HolidayName ?? string.Empty) && r.End.PlusDays(1) == date)
            {
                run = (r.Name, r.Start, date);
                continue;
            }

            if (run is { } done)
            {
                holidays.Add(new HolidayPeriod(done.Name, new DateInterval(done.Start, done.End)));
                run = null;
            }

            if (day.Kind == DayKind.Holiday)
            {
                run = (day.HolidayName ?? string.Empty, date, date);
            }
        }

        if (run is { } last)
        {
            holidays.Add(new HolidayPeriod(last.Name, new DateInterval(last.Start, last.End)));
        }

        var ordered = list.OrderBy(a => a.Dates.Start).ThenBy(a => a.Title, StringComparer.Ordinal).ToImmutableArray();
        return new ServiceCalendar(calendar, year, card, holidays.ToImmutable(), makeUp.ToImmutable(), ordered);
    }

    /// <summary>What kind of day <paramref name="date"/> is in the working calendar the service calendar was made with.</summary>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    public CalendarDay Classify(LocalDate date) => _calendar.Classify(date);

    /// <summary>Returns <c>Unit Year: n holidays, m make-up days, k activities</c>.</summary>
    public override string ToString() =>
        $"{Unit.Name} {Year}: {Holidays.Length} holidays, {MakeUpWorkingDays.Length} make-up working days, {Activities.Length} activities";
}
