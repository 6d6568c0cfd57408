using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Tests.Time;

public class WorkingCalendarProperties
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;
    private static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly LocalDate First = new(2007, 1, 1);
    private static readonly int Span = Period.DaysBetween(First, new LocalDate(2027, 12, 31));

    private static Gen<LocalDate> Dates => Gen.Choose(0, Span).Select(d => First.PlusDays(d));

    // Dates well beyond the data on both sides, to exercise the weekend-rule arithmetic outside the day table.
    private static Gen<LocalDate> WideDates =>
        Gen.Choose(0, Period.DaysBetween(new LocalDate(1990, 1, 1), new LocalDate(2060, 12, 31))).Select(d => new LocalDate(1990, 1, 1).PlusDays(d));

    private static Gen<LocalTime> Times => Gen.OneOf(
        Gen.Choose(0, (24 * 60) - 1).Select(m => LocalTime.FromMinutesSinceMidnight(m)),
        Gen.Elements(new LocalTime(9, 0), new LocalTime(12, 0), new LocalTime(13, 30), new LocalTime(17, 30), LocalTime.Midnight),
        from s in Gen.Choose(0, (24 * 3600) - 1)
        from n in Gen.Choose(0, 999_999_999)
        select LocalTime.FromSecondsSinceMidnight(s).PlusNanoseconds(n));

    private static Gen<Instant> Instants =>
        from date in Dates
        from time in Times
        select (date + time).InZoneLeniently(Beijing).ToInstant();

    private static Gen<Duration> WorkingTimes => Gen.OneOf(
        Gen.Choose(0, 40 * 7 * 60).Select(m => Duration.FromMinutes(m)),
        Gen.Choose(0, 20).Select(d => Duration.FromHours(7 * d)),
        from s in Gen.Choose(0, 10 * 7 * 3600)
        from n in Gen.Choose(0, 999_999_999)
        select Duration.FromSeconds(s) + Duration.FromNanoseconds(n));

    [Property(MaxTest = 500)]
    public Property AddWorkingDays_is_monotone_in_n_and_lands_on_a_working_day() =>
        Prop.ForAll(
            (from date in Dates from n in Gen.Choose(-400, 400) select (date, n)).ToArbitrary(),
            x =>
            {
                var here = Calendar.AddWorkingDays(x.date, x.n);
                var next = Calendar.AddWorkingDays(x.date, x.n + 1);
                var strictlyIncreasing = x.n != 0 || Calendar.IsWorkingDay(x.date);
                return Calendar.IsWorkingDay(here)
                    && (strictlyIncreasing ? here < next : here == next)
                    && (x.n <= 0 || here > x.date)
                    && (x.n >= 0 || here < x.date);
            });

    [Property(MaxTest = 300)]
    public Property AddWorkingDays_agrees_with_stepping_one_day_at_a_time_also_outside_the_data() =>
        Prop.ForAll(
            (from date in WideDates from n in Gen.Choose(-30, 30) select (date, n)).ToArbitrary(),
            x => Calendar.AddWorkingDays(x.date, x.n) == Step(x.date, x.n));

    [Property(MaxTest = 300)]
    public Property CountWorkingDays_agrees_with_counting_each_day() =>
        Prop.ForAll(
            (from date in WideDates from length in Gen.Choose(0, 400) select (date, length)).ToArbitrary(),
            x =>
            {
                var interval = new DateInterval(x.date, x.date.PlusDays(x.length));
                return Calendar.CountWorkingDays(interval) == interval.Count(Calendar.IsWorkingDay);
            });

    [Property(MaxTest = 500)]
    public Property NextWorkingDay_is_the_first_working_day_strictly_after() =>
        Prop.ForAll(
            Dates.ToArbitrary(),
            date =>
            {
                var next = Calendar.NextWorkingDay(date);
                var between = Enumerable.Range(1, Period.DaysBetween(date, next) - 1).Select(d => date.PlusDays(d));
                return next > date && Calendar.IsWorkingDay(next) && !between.Any(Calendar.IsWorkingDay);
            });

    [Property(MaxTest = 500)]
    public Property WorkingTimeBetween_is_additive_and_never_negative() =>
        Prop.ForAll(
            (from a in Instants from b in Instants from c in Instants select (a, b, c)).ToArbitrary(),
            x =>
            {
                var sorted = new[] { x.a, x.b, x.c }.Order().ToArray();
                var (a, b, c) = (sorted[0], sorted[1], sorted[2]);
                var ab = Calendar.WorkingTimeBetween(a, b);
                var bc = Calendar.WorkingTimeBetween(b, c);
                return (ab + bc == Calendar.WorkingTimeBetween(a, c)).Label("additive")
                    .And(ab >= Duration.Zero && bc >= Duration.Zero).Label("non-negative")
                    .And(Calendar.WorkingTimeBetween(c, a) == Duration.Zero || a == c).Label("zero when start after end")
                    .And(Calendar.WorkingTimeBetween(b, b) == Duration.Zero).Label("zero when start equals end");
            });

    [Property(MaxTest = 200)]
    public Property WorkingTimeBetween_agrees_with_intersecting_office_hours_day_by_day() =>
        Prop.ForAll(
            (from start in Instants from hours in Gen.Choose(0, 24 * 40) from time in Times select (start, end: start + Duration.FromHours(hours) + Duration.FromNanoseconds(time.NanosecondOfDay))).ToArbitrary(),
            x => Calendar.WorkingTimeBetween(x.start, x.end) == NaiveWorkingTime(x.start, x.end));

    [Property(MaxTest = 500)]
    public Property AddWorkingTime_is_the_earliest_instant_with_that_working_time() =>
        Prop.ForAll(
            (from start in Instants from time in WorkingTimes select (start, time)).ToArbitrary(),
            x =>
            {
                var due = Calendar.AddWorkingTime(x.start, x.time);
                var oneTickEarlier = due - Duration.FromNanoseconds(1);
                return (due >= x.start).Label("not before start")
                    .And(Calendar.WorkingTimeBetween(x.start, due) == x.time).Label("measures back to the same time")
                    .And(x.time == Duration.Zero || Calendar.WorkingTimeBetween(x.start, oneTickEarlier) < x.time).Label("earliest");
            });

    [Property(MaxTest = 500)]
    public Property Measured_working_time_added_back_gives_the_same_measure() =>
        Prop.ForAll(
            (from a in Instants from b in Instants select (a, b)).ToArbitrary(),
            x =>
            {
                var measured = Calendar.WorkingTimeBetween(x.a, x.b);
                var reached = Calendar.AddWorkingTime(x.a, measured);
                return Calendar.WorkingTimeBetween(x.a, reached) == measured && (x.a >= x.b || reached <= x.b);
            });

    [Property(MaxTest = 300)]
    public Property Working_time_round_trips_in_a_zone_with_daylight_saving() =>
        Prop.ForAll(
            (from date in Dates from time in Times from working in WorkingTimes select (date, time, working)).ToArbitrary(),
            x =>
            {
                var berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
                var calendar = new WorkingCalendarBuilder().WithTimeZone(berlin).Build();
                var start = (x.date + x.time).InZoneLeniently(berlin).ToInstant();
                var due = calendar.AddWorkingTime(start, x.working);
                return due >= start && calendar.WorkingTimeBetween(start, due) == x.working;
            });

    private static LocalDate Step(LocalDate date, int n)
    {
        if (n == 0)
        {
            while (!Calendar.IsWorkingDay(date))
            {
                date = date.PlusDays(1);
            }

            return date;
        }

        var direction = Math.Sign(n);
        for (var left = Math.Abs(n); left > 0;)
        {
            date = date.PlusDays(direction);
            if (Calendar.IsWorkingDay(date))
            {
                left--;
            }
        }

        return date;
    }

    private static Duration NaiveWorkingTime(Instant start, Instant end)
    {
        var total = Duration.Zero;
        var first = start.InZone(Beijing).Date;
        var last = end.InZone(Beijing).Date;
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            if (!HolidayCnReference.IsWorkingDay(date))
            {
                continue;
            }

            foreach (var period in OfficeHours.Default.Periods)
            {
                var open = (date + period.Start).InZoneStrictly(Beijing).ToInstant();
                var close = (date + period.End).InZoneStrictly(Beijing).ToInstant();
                var from = open > start ? open : start;
                var to = close < end ? close : end;
                if (to > from)
                {
                    total += to - from;
                }
            }
        }

        return total;
    }
}
