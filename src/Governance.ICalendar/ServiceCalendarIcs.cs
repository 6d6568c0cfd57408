using System.Globalization;
using System.Text;
using Governance.Core.Directory;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using IcalCalendar = Ical.Net.Calendar;

namespace Governance.ICalendar;

/// <summary>
/// Exports a <see cref="ServiceCalendar"/> as iCalendar (RFC 5545) text with Ical.Net, for residents' phone calendars:
/// one all-day VEVENT per statutory holiday period (<c>CATEGORIES:HOLIDAY</c>, summary <c>春节（休）</c>, transparent),
/// one all-day VEVENT per make-up working day (<c>CATEGORIES:MAKEUP-WORKDAY</c>, summary <c>春节调休上班（班）</c>), and one
/// VEVENT per activity (<c>CATEGORIES:ACTIVITY</c>; all-day, or timed in the working calendar's zone with its
/// VTIMEZONE when it has a start time). The calendar's description (<c>X-WR-CALDESC</c>) carries the service card.
/// </summary>
/// <remarks>
/// Output is deterministic: UIDs are derived from the unit, the kind and the date (and an activity's position), and
/// every DTSTAMP is the <c>stamp</c> argument — nothing reads a clock. Staff work phones appear in full, as on the card.
/// </remarks>
public static class ServiceCalendarIcs
{
    /// <summary>The calendar's PRODID.</summary>
    public const string ProductId = "-//Governance.Core//Service Calendar//ZH";

    /// <summary>The iCalendar text of <paramref name="calendar"/>, with <paramref name="stamp"/> as every event's DTSTAMP.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public static string Serialize(ServiceCalendar calendar, Instant stamp)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var ical = new IcalCalendar { ProductId = ProductId };
        ical.AddProperty("CALSCALE", "GREGORIAN");
        ical.AddProperty("X-WR-CALNAME", $"{calendar.Unit.Name}{calendar.Year}年便民服务年历");
        ical.AddProperty("X-WR-TIMEZONE", calendar.Zone.Id);
        ical.AddProperty("X-WR-CALDESC", CardText(calendar.Card));
        var utc = stamp.ToDateTimeUtc();
        var dtStamp = new CalDateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, "UTC");
        var unit = calendar.Unit.Id.Value;

        foreach (var holiday in calendar.Holidays)
        {
            var e = AllDay(holiday.Dates, $"{holiday.Name}（休）", dtStamp, $"holiday-{Compact(holiday.Dates.Start)}.{unit}@governance-core");
            e.Categories.Add("HOLIDAY");
            e.Transparency = "TRANSPARENT";
            ical.Events.Add(e);
        }

        foreach (var day in calendar.MakeUpWorkingDays)
        {
            var e = AllDay(new DateInterval(day.Date, day.Date), $"{day.HolidayName}调休上班（班）", dtStamp, $"makeup-{Compact(day.Date)}.{unit}@governance-core");
            e.Categories.Add("MAKEUP-WORKDAY");
            ical.Events.Add(e);
        }

        var timed = false;
        for (var i = 0; i < calendar.Activities.Length; i++)
        {
            var activity = calendar.Activities[i];
            var uid = $"activity-{Compact(activity.Dates.Start)}-{i + 1}.{unit}@governance-core";
            CalendarEvent e;
            if (activity.StartTime is { } start)
            {
                timed = true;
                var zone = calendar.Zone.Id;
                e = new CalendarEvent { Uid = uid, Summary = activity.Title, DtStamp = dtStamp, Start = At(activity.Dates.Start, start, zone) };
                if (activity.EndTime is { } end)
                {
                    e.End = At(activity.Dates.End, end, zone);
                }
                else if (activity.Dates.End != activity.Dates.Start)
                {
                    e.End = At(activity.Dates.End, start, zone);
                }
            }
            else
            {
                e = AllDay(activity.Dates, activity.Title, dtStamp, uid);
            }

            if (activity.Place.Length > 0)
            {
                e.Location = activity.Place;
            }

            e.Categories.Add("ACTIVITY");
            ical.Events.Add(e);
        }

        if (timed)
        {
            ical.AddTimeZone(VTimeZone.FromDateTimeZone(calendar.Zone.Id, new DateTime(calendar.Year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), includeHistoricalData: false));
        }

        return new CalendarSerializer().SerializeToString(ical) ?? string.Empty;
    }

    private static CalendarEvent AllDay(DateInterval dates, string summary, CalDateTime stamp, string uid) => new()
    {
        Uid = uid,
        Summary = summary,
        DtStamp = stamp,
        Start = new CalDateTime(dates.Start.Year, dates.Start.Month, dates.Start.Day),
        End = new CalDateTime(dates.End.Year, dates.End.Month, dates.End.Day).AddDays(1), // DTEND of a date is exclusive
    };

    private static CalDateTime At(LocalDate date, LocalTime time, string zone) =>
        new(date.Year, date.Month, date.Day, time.Hour, time.Minute, time.Second, zone);

    private static string Compact(LocalDate date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string CardText(ContactCard card)
    {
        var text = new StringBuilder();
        foreach (var person in card.LocalStaff)
        {
            text.Append(person.Name).Append(' ').Append(person.Role).Append(' ').Append(person.Phone);
            if (person.Duties.Length > 0)
            {
                text.Append(" 职责：").Append(string.Join("、", person.Duties));
            }

            text.Append('\n');
        }

        foreach (var group in card.Groups)
        {
            foreach (var contact in group.Entries.GroupBy(e => (e.Name, e.Phone)))
            {
                text.Append(group.HandlerName).Append(' ').Append(contact.Key.Name).Append(' ').Append(contact.Key.Phone).Append('：')
                    .AppendJoin("、", contact.Select(e => e.CategoryName).Distinct()).Append('\n');
            }
        }

        return text.Append("其他诉求请拨打12345").ToString();
    }
}
