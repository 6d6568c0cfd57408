using NodaTime;

namespace Governance.Core.Time;

/// <summary>
/// One span of office hours within a working day, from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive),
/// on the clock of the calendar's time zone. It is checked when it is given to <see cref="OfficeHours"/>:
/// <see cref="Start"/> must be before <see cref="End"/>, so a span cannot cross midnight.
/// </summary>
/// <param name="Start">When the office opens (inclusive).</param>
/// <param name="End">When the office closes (exclusive); must be after <paramref name="Start"/>.</param>
public readonly record struct OfficePeriod(LocalTime Start, LocalTime End)
{
    /// <summary>The length of the span: <see cref="End"/> minus <see cref="Start"/> (negative or zero if the span is invalid).</summary>
    public Duration Length => Duration.FromNanoseconds(End.NanosecondOfDay - Start.NanosecondOfDay);

    /// <summary>Returns <c>HH:mm-HH:mm</c> (with seconds when they are not zero).</summary>
    public override string ToString() => $"{Format(Start)}-{Format(End)}";

    private static string Format(LocalTime time) =>
        time.NanosecondOfDay % NodaConstants.NanosecondsPerMinute == 0
            ? time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            : time.ToString("HH:mm:ss.FFFFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
}
