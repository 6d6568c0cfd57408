using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Tests.Time;

public class WorkingCalendarStoryTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;
    private static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static Instant At(int year, int month, int day, int hour, int minute) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Beijing).ToInstant();

    [Fact]
    public void Saturday_2023_01_28_is_a_make_up_working_day_for_spring_festival()
    {
        var day = Calendar.Classify(new LocalDate(2023, 1, 28));

        Assert.Equal(IsoDayOfWeek.Saturday, day.Date.DayOfWeek);
        Assert.Equal(DayKind.MakeUpWorkingDay, day.Kind);
        Assert.Equal("春节", day.HolidayName);
        Assert.True(day.IsWorkingDay);
        Assert.True(Calendar.IsWorkingDay(day.Date));
    }

    [Fact]
    public void Monday_2023_10_02_is_a_national_day_holiday()
    {
        var day = Calendar.Classify(new LocalDate(2023, 10, 2));

        Assert.Equal(DayKind.Holiday, day.Kind);
        Assert.Equal("中秋节、国庆节", day.HolidayName);
        Assert.False(Calendar.IsWorkingDay(day.Date));
    }

    [Fact]
    public void New_years_eve_2022_is_off_because_the_2023_file_lists_it()
    {
        var day = Calendar.Classify(new LocalDate(2022, 12, 31));

        Assert.Equal(DayKind.Holiday, day.Kind);
        Assert.Equal("元旦", day.HolidayName);
    }

    [Fact]
    public void An_ordinary_saturday_is_a_weekend_and_an_ordinary_tuesday_a_working_day()
    {
        Assert.Equal(DayKind.Weekend, Calendar.Classify(new LocalDate(2023, 3, 11)).Kind);
        Assert.Null(Calendar.Classify(new LocalDate(2023, 3, 11)).HolidayName);
        Assert.Equal(DayKind.OrdinaryWorkingDay, Calendar.Classify(new LocalDate(2023, 3, 14)).Kind);
    }

    [Fact]
    public void Request_at_17_00_the_day_before_national_day_plus_one_working_day_is_due_on_the_make_up_saturday()
    {
        // 2023-09-28 is a Thursday; 09-29 to 10-06 are off and Saturday 10-07 is worked.
        var received = At(2023, 9, 28, 17, 0);

        var due = Calendar.AddWorkingTime(received, Calendar.OfficeHours.PerWorkingDay);

        Assert.Equal(At(2023, 10, 7, 17, 0), due);
        Assert.Equal(new LocalDate(2023, 10, 7), Calendar.AddWorkingDays(new LocalDate(2023, 9, 28), 1));
        Assert.Equal(new LocalDate(2023, 10, 7), Calendar.NextWorkingDay(new LocalDate(2023, 9, 28)));
        Assert.Equal(Duration.FromHours(7), Calendar.WorkingTimeBetween(received, due));
    }

    [Fact]
    public void Working_time_skips_the_lunch_break_and_the_night()
    {
        // Friday 11:00 to Monday 10:00: 1 h before lunch, 4 h after, 1 h on Monday.
        var between = Calendar.WorkingTimeBetween(At(2023, 3, 10, 11, 0), At(2023, 3, 13, 10, 0));

        Assert.Equal(Duration.FromHours(6), between);
        Assert.Equal(Duration.Zero, Calendar.WorkingTimeBetween(At(2023, 3, 10, 12, 10), At(2023, 3, 10, 13, 30)));
    }

    [Fact]
    public void Working_time_that_runs_out_at_closing_is_due_at_closing_not_next_morning()
    {
        var due = Calendar.AddWorkingTime(At(2023, 3, 14, 9, 0), Duration.FromHours(7));

        Assert.Equal(At(2023, 3, 14, 17, 30), due);
    }

    [Fact]
    public void Adding_zero_working_days_keeps_a_working_day_and_rolls_a_holiday_forward()
    {
        Assert.Equal(new LocalDate(2023, 3, 14), Calendar.AddWorkingDays(new LocalDate(2023, 3, 14), 0));
        Assert.Equal(new LocalDate(2023, 10, 7), Calendar.AddWorkingDays(new LocalDate(2023, 10, 2), 0));
        Assert.Equal(new LocalDate(2023, 9, 28), Calendar.AddWorkingDays(new LocalDate(2023, 10, 2), -1));
        Assert.Equal(new LocalDate(2023, 10, 8), Calendar.AddWorkingDays(new LocalDate(2023, 10, 2), 2)); // Sunday 10-08 is worked too
    }

    [Fact]
    public void A_user_supplied_2028_file_is_honoured_and_covers_2028()
    {
        const string Json2028 = """
            {
              "year": 2028,
              "papers": [],
              "days": [
                { "name": "春节", "date": "2028-01-26", "isOffDay": true },
                { "name": "春节", "date": "2028-01-29", "isOffDay": false }
              ]
            }
            """;
        var calendar = WorkingCalendarBuilder.FromShippedHolidayData().AddHolidayCnFile(Json2028).Build();

        Assert.True(calendar.Covers(2028));
        Assert.False(WorkingCalendar.Default.Covers(2028));
        Assert.Equal(DayKind.Holiday, calendar.Classify(new LocalDate(2028, 1, 26)).Kind); // a Wednesday
        Assert.Equal(DayKind.MakeUpWorkingDay, calendar.Classify(new LocalDate(2028, 1, 29)).Kind); // a Saturday
        Assert.True(WorkingCalendar.Default.IsWorkingDay(new LocalDate(2028, 1, 26)));
        Assert.False(calendar.IsWorkingDay(new LocalDate(2028, 1, 26)));
        Assert.Equal(DayKind.MakeUpWorkingDay, calendar.Classify(new LocalDate(2023, 1, 28)).Kind); // shipped data kept
    }

    [Fact]
    public void Extra_local_days_are_honoured_and_the_later_addition_wins()
    {
        var calendar = WorkingCalendarBuilder.FromShippedHolidayData()
            .AddOffDay(new LocalDate(2024, 3, 8), "区庆") // a Friday given off locally
            .AddWorkingDay(new LocalDate(2024, 3, 9), "区庆") // the Saturday after worked instead
            .AddOffDay(new LocalDate(2023, 1, 28), "更正") // overrides the shipped make-up day
            .Build();

        Assert.Equal(new CalendarDay(new LocalDate(2024, 3, 8), DayKind.Holiday, "区庆"), calendar.Classify(new LocalDate(2024, 3, 8)));
        Assert.Equal(DayKind.MakeUpWorkingDay, calendar.Classify(new LocalDate(2024, 3, 9)).Kind);
        Assert.Equal(DayKind.Holiday, calendar.Classify(new LocalDate(2023, 1, 28)).Kind);
        Assert.Equal("更正", calendar.Classify(new LocalDate(2023, 1, 28)).HolidayName);
        Assert.Equal(new LocalDate(2024, 3, 9), calendar.NextWorkingDay(new LocalDate(2024, 3, 7)));
    }

    [Fact]
    public void A_later_file_replaces_an_earlier_one_for_the_same_date()
    {
        const string First = """{"year": 2030, "days": [{"name": "A", "date": "2030-05-01", "isOffDay": true}]}""";
        const string Second = """{"year": 2031, "days": [{"name": "B", "date": "2030-05-01", "isOffDay": false}]}""";

        var calendar = new WorkingCalendarBuilder().AddHolidayCnFile(First).AddHolidayCnFile(Second).Build();

        Assert.Equal(new CalendarDay(new LocalDate(2030, 5, 1), DayKind.MakeUpWorkingDay, "B"), calendar.Classify(new LocalDate(2030, 5, 1)));
    }

    [Fact]
    public void Dates_outside_the_data_follow_the_weekend_rule()
    {
        var empty = new WorkingCalendarBuilder().Build();

        Assert.Empty(empty.CoveredYears);
        Assert.True(empty.IsWorkingDay(new LocalDate(2023, 10, 2)));
        Assert.Equal(DayKind.Weekend, WorkingCalendar.Default.Classify(new LocalDate(1999, 10, 2)).Kind);
        Assert.Equal(DayKind.OrdinaryWorkingDay, WorkingCalendar.Default.Classify(new LocalDate(2300, 10, 2)).Kind);
        Assert.Equal(new LocalDate(2300, 10, 8), WorkingCalendar.Default.AddWorkingDays(new LocalDate(2300, 10, 2), 4)); // Tue + 4 = Mon
        Assert.Equal(new LocalDate(1999, 9, 27), WorkingCalendar.Default.AddWorkingDays(new LocalDate(1999, 10, 2), -5));
    }

    [Fact]
    public void Office_hours_and_time_zone_can_be_configured()
    {
        var urumqi = DateTimeZoneProviders.Tzdb["Asia/Urumqi"]; // UTC+6, two hours behind Beijing
        var calendar = WorkingCalendarBuilder.FromShippedHolidayData()
            .WithTimeZone(urumqi)
            .WithOfficeHours(new OfficePeriod(new LocalTime(10, 0), new LocalTime(14, 0)), new OfficePeriod(new LocalTime(16, 0), new LocalTime(20, 0)))
            .Build();
        var start = new LocalDateTime(2023, 3, 14, 13, 0).InZoneStrictly(urumqi).ToInstant();

        Assert.Equal(Duration.FromHours(8), calendar.OfficeHours.PerWorkingDay);
        Assert.Equal(new LocalDateTime(2023, 3, 14, 17, 0).InZoneStrictly(urumqi).ToInstant(), calendar.AddWorkingTime(start, Duration.FromHours(2)));
    }

    [Fact]
    public void Invalid_office_hours_are_refused()
    {
        var nine = new LocalTime(9, 0);
        var noon = new LocalTime(12, 0);

        Assert.Throws<ArgumentException>(() => new OfficeHours([]));
        Assert.Throws<ArgumentException>(() => new OfficeHours([new OfficePeriod(noon, nine)]));
        Assert.Throws<ArgumentException>(() => new OfficeHours([new OfficePeriod(nine, nine)]));
        Assert.Throws<ArgumentException>(() => new OfficeHours([new OfficePeriod(nine, noon), new OfficePeriod(new LocalTime(11, 0), new LocalTime(13, 0))]));
        Assert.Equal("09:00-12:00, 12:00-13:00", new OfficeHours([new OfficePeriod(noon, new LocalTime(13, 0)), new OfficePeriod(nine, noon)]).ToString());
        Assert.Equal("09:00-12:00, 13:30-17:30", OfficeHours.Default.ToString());
    }

    [Fact]
    public void A_builder_builds_once_and_checks_its_arguments()
    {
        var builder = new WorkingCalendarBuilder();
        builder.Build();

        Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Throws<InvalidOperationException>(() => builder.AddOffDay(new LocalDate(2024, 1, 1), "元旦"));
        Assert.Throws<InvalidOperationException>(() => builder.AddHolidayCnFile("""{"year": 2024, "days": []}"""));
        Assert.Throws<ArgumentNullException>(() => new WorkingCalendarBuilder().AddOffDay(new LocalDate(2024, 1, 1), null!));
        Assert.Throws<ArgumentException>(() => new WorkingCalendarBuilder().AddOffDay(new LocalDate(2024, 1, 1), " "));
        Assert.Throws<ArgumentException>(() => new WorkingCalendarBuilder().AddWorkingDay(new LocalDate(1800, 1, 1), "x"));
        Assert.Throws<ArgumentNullException>(() => new WorkingCalendarBuilder().AddHolidayCnFile((string)null!));
        Assert.Throws<ArgumentException>(() => WorkingCalendar.Default.AddWorkingTime(Instant.FromUtc(2023, 1, 1, 0, 0), Duration.FromSeconds(-1)));
        Assert.Throws<ArgumentException>(() => WorkingCalendar.Default.IsWorkingDay(new LocalDate(2023, 1, 1, CalendarSystem.Julian)));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingCalendar.Default.AddWorkingDays(LocalDate.MaxIsoValue, 1));
    }
}
