namespace Governance.Core.Time;

/// <summary>How a <see cref="ResolutionLimit"/> counts time, and so how a pause extends its deadline.</summary>
public enum LimitClock
{
    /// <summary>
    /// Every hour counts, night, weekend and holiday alike: the deadline is the start plus the limit. For services
    /// that run around the clock (emergencies, utilities).
    /// </summary>
    CalendarTime,

    /// <summary>
    /// Only office time counts (<see cref="WorkingCalendar.OfficeHours"/> on working days): the deadline is
    /// <see cref="WorkingCalendar.AddWorkingTime"/> of the limit from the start.
    /// </summary>
    WorkingTime,

    /// <summary>
    /// Whole working days, as the 12345 hotline counts 工作日: the deadline is the close of office hours on the n-th
    /// working day after the date of the start.
    /// </summary>
    WorkingDays,
}
