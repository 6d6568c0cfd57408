using System.Text.RegularExpressions;
using Governance.Core.Directory;
using Governance.Core.Organization;
using Governance.Core.Time;
using Governance.ICalendar;
using Ical.Net.DataTypes;
using NodaTime;
using IcalCalendar = Ical.Net.Calendar;

namespace Governance.Core.Tests.Directory;

/// <summary>于家务乡's 2023 便民服务年历 for 渠头村: holidays, make-up working days, activities and contacts, as data, iCalendar and HTML.</summary>
public sealed partial class ServiceCalendarExamples
{
    private static readonly ServiceCalendar Calendar = YujiawuServiceCalendar.Qutou2023();
    private static readonly Instant Stamp = Instant.FromUtc(2023, 1, 10, 8, 0);

    [Fact]
    public void The_2023_calendar_marks_the_spring_festival_and_its_two_make_up_saturday_and_sunday()
    {
        Assert.Contains(new HolidayPeriod("春节", new DateInterval(new LocalDate(2023, 1, 21), new LocalDate(2023, 1, 27))), Calendar.Holidays);
        Assert.Equal(
            [new LocalDate(2023, 1, 28), new LocalDate(2023, 1, 29), new LocalDate(2023, 4, 23), new LocalDate(2023, 5, 6), new LocalDate(2023, 6, 25), new LocalDate(2023, 10, 7), new LocalDate(2023, 10, 8)],
            Calendar.MakeUpWorkingDays.Select(d => d.Date));
        Assert.Equal("春节", Calendar.MakeUpWorkingDays[0].HolidayName);
    }

    [Fact]
    public void New_year_is_clipped_to_the_calendar_year()
    {
        Assert.Equal(new HolidayPeriod("元旦", new DateInterval(new LocalDate(2023, 1, 1), new LocalDate(2023, 1, 2))), Calendar.Holidays[0]);
        Assert.Equal(26, Calendar.Holidays.Sum(h => h.Dates.Length));
    }

    [Fact]
    public void The_ics_has_one_vevent_per_holiday_period_make_up_day_and_activity_and_parses_back_with_ical_net()
    {
        var ics = ServiceCalendarIcs.Serialize(Calendar, Stamp);

        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.Contains("VERSION:2.0", ics);
        Assert.Contains("\r\n", ics);
        var parsed = IcalCalendar.Load(ics)!;
        Assert.Equal(Calendar.Holidays.Length + Calendar.MakeUpWorkingDays.Length + Calendar.Activities.Length, parsed.Events.Count);

        var holidays = parsed.Events.Where(e => e.Categories.Contains("HOLIDAY")).ToList();
        Assert.Equal(Calendar.Holidays.Length, holidays.Count);
        var spring = Assert.Single(holidays, e => e.Summary == "春节（休）");
        Assert.False(spring.Start!.HasTime);
        Assert.Equal(new CalDateTime(2023, 1, 21), spring.Start);
        Assert.Equal(new CalDateTime(2023, 1, 28), spring.End); // DTEND of a date is exclusive

        var makeUp = parsed.Events.Where(e => e.Categories.Contains("MAKEUP-WORKDAY")).OrderBy(e => e.Start!.Value).ToList();
        Assert.Equal(7, makeUp.Count);
        Assert.Equal("春节调休上班（班）", makeUp[0].Summary);
        Assert.Equal(new CalDateTime(2023, 1, 28), makeUp[0].Start);

        var activities = parsed.Events.Where(e => e.Categories.Contains("ACTIVITY")).OrderBy(e => e.Start!.Value).ToList();
        Assert.Equal(3, activities.Count);
        Assert.Equal(new CalDateTime(2023, 1, 14, 9, 0, 0, "Asia/Shanghai"), activities[0].Start);
        Assert.Equal(new CalDateTime(2023, 1, 14, 11, 30, 0, "Asia/Shanghai"), activities[0].End);
        Assert.Equal("渠头村新时代文明实践站", activities[0].Location);
        Assert.Equal(new CalDateTime(2023, 3, 6), activities[1].End);
        Assert.Equal(YujiawuServiceCalendar.TrickyTitle, activities[2].Summary);
        Assert.Equal("卫生室 <二楼>", activities[2].Location);
        Assert.Single(parsed.TimeZones, z => z.TzId == "Asia/Shanghai");
        Assert.All(parsed.Events, e => Assert.Equal(new CalDateTime(2023, 1, 10, 8, 0, 0, "UTC"), e.DtStamp));
        Assert.Equal(parsed.Events.Count, parsed.Events.Select(e => e.Uid).Distinct().Count());
    }

    [Fact]
    public void The_ics_is_the_same_text_every_time_for_the_same_stamp_and_carries_the_contacts()
    {
        var ics = ServiceCalendarIcs.Serialize(Calendar, Stamp);

        Assert.Equal(ics, ServiceCalendarIcs.Serialize(YujiawuServiceCalendar.Qutou2023(), Stamp));
        var unfolded = ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("X-WR-CALNAME:渠头村2023年便民服务年历", unfolded);
        Assert.Contains("闫刚 村委会主任 010-0000-0301", unfolded);
    }

    [Fact]
    public void The_html_page_shows_twelve_months_with_every_holiday_day_marked_rest_and_every_make_up_day_marked_work()
    {
        var html = ServiceCalendarHtml.Render(Calendar);

        Assert.Equal(12, MonthSection().Count(html));
        Assert.Equal(Enumerable.Range(1, 12).Select(m => $"{m}"), MonthSection().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Equal(26, html.Split("<i>休</i>").Length - 1);
        Assert.Equal(7, html.Split("<i>班</i>").Length - 1);
        Assert.Contains("@page { size: A4;", html);
        Assert.Contains("渠头村 2023年便民服务年历", html);
        Assert.Contains("闫刚", html);
        Assert.Contains("010-0000-0301", html);
        Assert.Contains("孟慧", html);
        Assert.Contains("12345", html);
    }

    [Fact]
    public void The_html_page_escapes_user_text_and_loads_nothing_from_outside()
    {
        var html = ServiceCalendarHtml.Render(Calendar);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 义诊 &amp; 理发; 带上医保卡, 好吗&#39;", html);
        Assert.Contains("卫生室 &lt;二楼&gt;", html);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_year_without_holiday_data_is_refused_naming_the_year_and_the_years_covered()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ServiceCalendar.Create(YujiawuServiceCalendar.Directory, WorkingCalendar.Default, SampleDistrict.Units.Qutou, 2031, []));
        Assert.Contains("2031", e.Message);
        Assert.Contains($"{WorkingCalendar.Default.CoveredYears[0]}–{WorkingCalendar.Default.CoveredYears[^1]}", e.Message);
    }

    [Fact]
    public void An_unknown_unit_or_an_activity_outside_the_year_is_refused_by_name()
    {
        var unit = Assert.Throws<ArgumentException>(() =>
            ServiceCalendar.Create(YujiawuServiceCalendar.Directory, WorkingCalendar.Default, new UnitId("no-such-village"), 2023, []));
        Assert.Contains("'no-such-village'", unit.Message);

        var activity = Assert.Throws<ArgumentException>(() => ServiceCalendar.Create(YujiawuServiceCalendar.Directory, WorkingCalendar.Default,
            SampleDistrict.Units.Qutou, 2023, [ServiceActivity.OnDay("元宵灯会", new LocalDate(2024, 2, 24), "村口")]));
        Assert.Contains("'元宵灯会'", activity.Message);
        Assert.Contains("2023", activity.Message);
    }

    [Fact]
    public void An_activity_ending_before_it_starts_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => ServiceActivity.OnDay("议事会", new LocalDate(2023, 5, 1), "村委会", new LocalTime(10, 0), new LocalTime(9, 0)));
        Assert.Contains("'议事会'", e.Message);
    }

    [GeneratedRegex("<section class=\"month\" data-month=\"(\\d+)\">")]
    private static partial Regex MonthSection();
}
