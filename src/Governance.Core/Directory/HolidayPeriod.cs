using NodaTime;

namespace Governance.Core.Directory;

/// <summary>A run of consecutive statutory holiday dates with one name (for example 春节, seven days), within one calendar year.</summary>
/// <param name="Name">The holiday's name in the calendar data, for example 春节.</param>
/// <param name="Dates">The dates off, both ends inclusive; clipped to the service calendar's year.</param>
public sealed record HolidayPeriod(string Name, DateInterval Dates);
