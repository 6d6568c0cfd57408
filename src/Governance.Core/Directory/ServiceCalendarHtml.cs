using System.Globalization;
using System.Text;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Directory;

/// <summary>
/// Renders a <see cref="ServiceCalendar"/> as one printable A4 page in Chinese, the way 于家务乡's 便民服务年历 reads:
/// a header with the unit and year, the local staff with their phones and duties, whom to call for which category
/// (grouped by handler), a twelve-month grid with statutory holidays marked 休 and make-up working days marked 班,
/// and the unit's activities.
/// </summary>
/// <remarks>
/// The page is self-contained (inline CSS; no script, external font or image) and sized with <c>@page { size: A4 }</c>
/// to print on one sheet. Every text from the chart, the catalogue, the calendar data or the user is HTML-escaped.
/// Staff work phones print in full, as on the card (see <see cref="ServiceDirectory"/>); no resident's data is printed.
/// Each month is a <c>section</c> of class <c>month</c>, and each marked day carries class <c>hol</c> (休),
/// <c>work</c> (班) or <c>act</c> (an activity), so the page can be checked by machine.
/// </remarks>
public static class ServiceCalendarHtml
{
    private static readonly string[] WeekdayHeads = ["一", "二", "三", "四", "五", "六", "日"];

    private const string Style = """
        @page { size: A4; margin: 8mm; }
        * { box-sizing: border-box; }
        html, body { margin: 0; padding: 0; }
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 7.5pt; line-height: 1.3; color: #222; width: 194mm; }
        header { border-bottom: 1.5pt solid #b22; margin-bottom: 2mm; padding-bottom: 1mm; display: flex; justify-content: space-between; align-items: baseline; }
        h1 { font-size: 16pt; margin: 0; color: #b22; }
        header p { margin: 0; font-size: 9pt; }
        h2 { font-size: 9pt; margin: 2mm 0 1mm; color: #b22; }
        .staff { display: grid; grid-template-columns: repeat(2, 1fr); gap: 0.5mm 4mm; }
        .person b { font-size: 8pt; }
        .phone { font-weight: bold; white-space: nowrap; }
        .groups { column-count: 2; column-gap: 4mm; }
        .group { break-inside: avoid; margin-bottom: 0.8mm; }
        .group .who { font-weight: bold; }
        .cats { color: #444; }
        .months { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm 3mm; }
        .month h3 { font-size: 8.5pt; margin: 0 0 0.5mm; text-align: center; background: #b22; color: #fff; }
        .month table { width: 100%; border-collapse: collapse; table-layout: fixed; }
        .month th { font-weight: normal; color: #666; font-size: 6.5pt; }
        .month td { text-align: center; height: 4.6mm; font-size: 7pt; position: relative; padding: 0; }
        .month td.off { color: #b22; }
        .month td.hol { background: #fde2e2; color: #b22; font-weight: bold; }
        .month td.work { background: #e2ecfd; color: #1a4fa0; font-weight: bold; }
        .month td.act { outline: 0.8pt solid #2a7a2a; outline-offset: -0.8pt; }
        .month td i { font-style: normal; font-size: 5pt; position: absolute; top: 0; right: 0.3mm; }
        .legend { margin-top: 1mm; font-size: 7pt; color: #444; }
        .legend span { display: inline-block; padding: 0 1mm; margin-right: 2mm; }
        .activities { margin: 0; padding-left: 4mm; }
        @media screen { body { margin: 8mm; } }
        footer { margin-top: 2mm; border-top: 0.5pt solid #999; padding-top: 1mm; font-size: 8pt; }
        """;

    /// <summary>The page for <paramref name="calendar"/>: a complete HTML document (UTF-8, <c>lang="zh-CN"</c>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public static string Render(ServiceCalendar calendar)
    {
        Preconditions.CheckNotNull(calendar);
        var card = calendar.Card;
        var html = new StringBuilder(32 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Escape(calendar.Unit.Name)).Append(' ').Append(calendar.Year).Append("年便民服务年历</title>\n<style>\n")
            .Append(Style).Append("\n</style>\n</head>\n<body>\n");

        html.Append("<header><h1>").Append(Escape(calendar.Unit.Name)).Append(' ').Append(calendar.Year).Append("年便民服务年历</h1>")
            .Append("<p>有诉求，请直接拨打下列电话；找不到人时请拨打 <b>").Append(ServiceDirectory.CityHotline).Append("</b></p></header>\n");

        if (card.LocalStaff.Length > 0)
        {
            html.Append("<h2>工作人员及职责范围</h2>\n<div class=\"staff\">\n");
            foreach (var person in card.LocalStaff)
            {
                html.Append("<div class=\"person\"><b>").Append(Escape(person.Name)).Append("</b> ").Append(Escape(person.Role));
                if (person.Phone.Length > 0)
                {
                    html.Append(" <span class=\"phone\">").Append(Escape(person.Phone)).Append("</span>");
                }

                if (person.Duties.Length > 0)
                {
                    html.Append(" · ").Append(Escape(string.Join("、", person.Duties)));
                }

                html.Append("</div>\n");
            }

            html.Append("</div>\n");
        }

        html.Append("<h2>诉求找谁</h2>\n<div class=\"groups\">\n");
        foreach (var group in card.Groups)
        {
            html.Append("<div class=\"group\"><span class=\"who\">").Append(Escape(group.HandlerName)).Append("</span>");
            foreach (var contact in group.Entries.GroupBy(e => (e.Name, e.Role, e.Phone)))
            {
                html.Append("<div>").Append(Escape(contact.Key.Name));
                if (contact.Key.Role.Length > 0)
                {
                    html.Append('（').Append(Escape(contact.Key.Role)).Append('）');
                }

                html.Append(" <span class=\"phone\">").Append(Escape(contact.Key.Phone)).Append("</span>：<span class=\"cats\">")
                    .Append(Escape(string.Join("、", contact.Select(e => e.CategoryName).Distinct()))).Append("</span></div>");
            }

            html.Append("</div>\n");
        }

        html.Append("</div>\n");

        html.Append("<h2>").Append(calendar.Year).Append("年日历</h2>\n<div class=\"months\">\n");
        for (var month = 1; month <= 12; month++)
        {
            AppendMonth(html, calendar, month);
        }

        html.Append("</div>\n<div class=\"legend\"><span class=\"hol\" style=\"background:#fde2e2;color:#b22\">休 法定节假日</span>")
            .Append("<span style=\"background:#e2ecfd;color:#1a4fa0\">班 调休上班</span>")
            .Append("<span style=\"outline:0.8pt solid #2a7a2a\">框 本村（居）活动</span>");
        foreach (var holiday in calendar.Holidays)
        {
            html.Append("<span>").Append(Escape(holiday.Name)).Append(' ').Append(Dates(holiday.Dates)).Append("</span>");
        }

        html.Append("</div>\n");

        if (calendar.Activities.Length > 0)
        {
            html.Append("<h2>本村（居）活动</h2>\n<ul class=\"activities\">\n");
            foreach (var activity in calendar.Activities)
            {
                html.Append("<li>").Append(Dates(activity.Dates));
                if (activity.StartTime is { } start)
                {
                    html.Append(' ').Append(start.ToString("HH:mm", CultureInfo.InvariantCulture));
                    if (activity.EndTime is { } end)
                    {
                        html.Append('–').Append(end.ToString("HH:mm", CultureInfo.InvariantCulture));
                    }
                }

                html.Append(" <b>").Append(Escape(activity.Title)).Append("</b>");
                if (activity.Place.Length > 0)
                {
                    html.Append(" · 地点：").Append(Escape(activity.Place));
                }

                html.Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("<footer>群众有诉求，可以随时拨打电话反映；当天解决或说明原因。</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendMonth(StringBuilder html, ServiceCalendar calendar, int month)
    {
        var first = new LocalDate(calendar.Year, month, 1);
        var days = CalendarSystem.Iso.GetDaysInMonth(calendar.Year, month);
        html.Append("<section class=\"month\" data-month=\"").Append(month).Append("\"><h3>").Append(month).Append("月</h3><table><tr>");
        foreach (var head in WeekdayHeads)
        {
            html.Append("<th>").Append(head).Append("</th>");
        }

        html.Append("</tr><tr>");
        var column = (int)first.DayOfWeek - 1; // Monday = 0
        for (var i = 0; i < column; i++)
        {
            html.Append("<td></td>");
        }

        for (var d = 1; d <= days; d++)
        {
            var date = new LocalDate(calendar.Year, month, d);
            var day = calendar.Classify(date);
            var classes = day.Kind switch
            {
                DayKind.Holiday => "hol",
                DayKind.MakeUpWorkingDay => "work",
                DayKind.Weekend => "off",
                _ => string.Empty,
            };
            if (calendar.Activities.Any(a => a.Dates.Contains(date)))
            {
                classes = classes.Length == 0 ? "act" : classes + " act";
            }

            html.Append(classes.Length == 0 ? "<td>" : $"<td class=\"{classes}\">").Append(d);
            if (day.Kind == DayKind.Holiday)
            {
                html.Append("<i>休</i>");
            }
            else if (day.Kind == DayKind.MakeUpWorkingDay)
            {
                html.Append("<i>班</i>");
            }

            html.Append("</td>");
            if (++column == 7 && d < days)
            {
                html.Append("</tr><tr>");
                column = 0;
            }
        }

        html.Append("</tr></table></section>\n");
    }

    private static string Dates(DateInterval dates) =>
        dates.Start == dates.End
            ? $"{dates.Start.Month}月{dates.Start.Day}日"
            : dates.Start.Month == dates.End.Month
                ? $"{dates.Start.Month}月{dates.Start.Day}–{dates.End.Day}日"
                : $"{dates.Start.Month}月{dates.Start.Day}日–{dates.End.Month}月{dates.End.Day}日";

    /// <summary>Escapes text for an HTML text node or a double-quoted attribute: &amp; &lt; &gt; &quot; &#39;.</summary>
    internal static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
