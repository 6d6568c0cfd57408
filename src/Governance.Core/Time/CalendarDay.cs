using NodaTime;

namespace Governance.Core.Time;

/// <summary>One date as a <see cref="WorkingCalendar"/> sees it: its kind and, for listed days, the holiday's name.</summary>
public readonly record struct CalendarDay
{
    internal CalendarDay(LocalDate date, DayKind kind, string? holidayName)
    {
        Date = date;
        Kind = kind;
        HolidayName = holidayName;
    }

    /// <summary>The date classified.</summary>
    public LocalDate Date { get; }

    /// <summary>Whether the date is an ordinary working day, a weekend, a holiday or a make-up working day.</summary>
    public DayKind Kind { get; }

    /// <summary>
    /// For <see cref="DayKind.Holiday"/> the holiday's name (<c>春节</c>); for <see cref="DayKind.MakeUpWorkingDay"/> the
    /// name of the holiday the day is worked for; <see langword="null"/> for ordinary working days and weekends.
    /// </summary>
    public string? HolidayName { get; }

    /// <summary>
    /// True for <see cref="DayKind.OrdinaryWorkingDay"/> and <see cref="DayKind.MakeUpWorkingDay"/>, false for weekends and holidays.
    /// </summary>
    public bool IsWorkingDay => Kind is DayKind.OrdinaryWorkingDay or DayKind.MakeUpWorkingDay;
}
