using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Tests.Time;

public class WorkingCalendarDataTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;

    [Fact]
    public void Every_date_from_2010_to_2026_agrees_with_holiday_cn_plus_weekends()
    {
        var mismatches = new List<string>();
        var checkedDays = 0;
        for (var date = new LocalDate(2010, 1, 1); date <= new LocalDate(2026, 12, 31); date = date.PlusDays(1))
        {
            checkedDays++;
            var expected = HolidayCnReference.IsWorkingDay(date);
            var day = Calendar.Classify(date);
            if (Calendar.IsWorkingDay(date) != expected || day.IsWorkingDay != expected)
            {
                mismatches.Add($"{date:uuuu-MM-dd} expected working={expected}, got {day.Kind}");
            }

            var listed = HolidayCnReference.Days.TryGetValue(date, out var entry);
            var expectedKind = listed
                ? (entry.IsOffDay ? DayKind.Holiday : DayKind.MakeUpWorkingDay)
                : (expected ? DayKind.OrdinaryWorkingDay : DayKind.Weekend);
            if (day.Kind != expectedKind || day.HolidayName != (listed ? entry.Name : null) || day.Date != date)
            {
                mismatches.Add($"{date:uuuu-MM-dd} expected {expectedKind} {entry.Name}, got {day.Kind} {day.HolidayName}");
            }
        }

        Assert.Equal(6209, checkedDays);
        Assert.Empty(mismatches);
    }

    [Fact]
    public void Working_day_counts_over_whole_years_agree_with_the_data()
    {
        for (var year = 2007; year <= 2027; year++)
        {
            var interval = new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31));
            var expected = interval.Count(HolidayCnReference.IsWorkingDay);
            Assert.Equal(expected, Calendar.CountWorkingDays(interval));
        }
    }

    [Fact]
    public void Default_calendar_covers_the_published_years_and_not_the_empty_2027_file()
    {
        Assert.Equal(Enumerable.Range(2007, 20), Calendar.CoveredYears);
        Assert.True(Calendar.Covers(2007));
        Assert.True(Calendar.Covers(2026));
        Assert.False(Calendar.Covers(2027)); // holiday-cn's 2027.json has "days": [] until the State Council publishes
        Assert.False(Calendar.Covers(2006));
        Assert.Equal("Asia/Shanghai", Calendar.Zone.Id);
        Assert.Same(OfficeHours.Default, Calendar.OfficeHours);
    }
}
