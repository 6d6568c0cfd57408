using Governance.Core.Directory;
using Governance.Core.Organization;
using Governance.Core.Time;
using Governance.ICalendar;
using NodaTime;
using IcalCalendar = Ical.Net.Calendar;

namespace Governance.Core.Tests.Directory;

/// <summary>For every year the shipped holiday data covers, the calendar, its page and its iCalendar agree with the working calendar day by day.</summary>
public sealed class ServiceCalendarYearProperties
{
    public static TheoryData<int> CoveredYears => [.. WorkingCalendar.Default.CoveredYears];

    [Theory]
    [MemberData(nameof(CoveredYears))]
    public void Every_holiday_and_make_up_day_of_the_year_is_listed_marked_on_the_page_and_exported(int year)
    {
        var calendar = ServiceCalendar.Create(YujiawuServiceCalendar.Directory, WorkingCalendar.Default, SampleDistrict.Units.Yujiawu, year, []);
        var days = new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31)).Select(WorkingCalendar.Default.Classify).ToList();
        var holidayDays = days.Where(d => d.Kind == DayKind.Holiday).Select(d => d.Date).ToList();
        var makeUpDays = days.Where(d => d.Kind == DayKind.MakeUpWorkingDay).Select(d => d.Date).ToList();

        Assert.Equal(holidayDays, calendar.Holidays.SelectMany(h => h.Dates));
        Assert.Equal(makeUpDays, calendar.MakeUpWorkingDays.Select(d => d.Date));
        Assert.All(calendar.Holidays.Zip(calendar.Holidays.Skip(1)), pair =>
            Assert.True(pair.First.Name != pair.Second.Name || pair.First.Dates.End.PlusDays(1) != pair.Second.Dates.Start, $"{pair.First} and {pair.Second} should be one period"));

        var html = ServiceCalendarHtml.Render(calendar);
        Assert.Equal(holidayDays.Count, html.Split("<i>休</i>").Length - 1);
        Assert.Equal(makeUpDays.Count, html.Split("<i>班</i>").Length - 1);

        var ics = IcalCalendar.Load(ServiceCalendarIcs.Serialize(calendar, Instant.FromUtc(year, 1, 1, 0, 0)))!;
        Assert.Equal(calendar.Holidays.Length, ics.Events.Count(e => e.Categories.Contains("HOLIDAY")));
        Assert.Equal(makeUpDays.Count, ics.Events.Count(e => e.Categories.Contains("MAKEUP-WORKDAY")));
    }
}
