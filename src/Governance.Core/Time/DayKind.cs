namespace Governance.Core.Time;

/// <summary>What kind of day a date is in a <see cref="WorkingCalendar"/>.</summary>
public enum DayKind
{
    /// <summary>A Monday to Friday that no calendar data marks as a day off: offices are open.</summary>
    OrdinaryWorkingDay = 0,

    /// <summary>A Saturday or Sunday that no calendar data marks as worked: an ordinary day off.</summary>
    Weekend = 1,

    /// <summary>
    /// A day off listed in the calendar data: a statutory holiday from a holiday-cn file (for example 春节), or a local
    /// day off added with <see cref="WorkingCalendarBuilder.AddOffDay"/>. It is off even when it falls on a weekday.
    /// </summary>
    Holiday = 2,

    /// <summary>
    /// A make-up working day (调休) listed in the calendar data: usually a Saturday or Sunday that is worked in exchange
    /// for a holiday. It is a working day even when it falls on a weekend.
    /// </summary>
    MakeUpWorkingDay = 3,
}
