using NodaTime;

namespace Governance.Core.Directory;

/// <summary>
/// One of a unit's own activities printed on its service calendar (便民服务年历), for example a 新时代文明实践 activity:
/// a date or a range of dates, a title, a place and, optionally, a time of day. Supplied by the user; immutable.
/// </summary>
public sealed class ServiceActivity
{
    /// <summary>An activity on the dates <paramref name="dates"/> (both ends inclusive).</summary>
    /// <param name="title">What the activity is; not empty.</param>
    /// <param name="dates">The days it runs, in the ISO calendar.</param>
    /// <param name="place">Where it is held; may be empty.</param>
    /// <param name="startTime">When it starts each day; <see langword="null"/> for an all-day activity.</param>
    /// <param name="endTime">When it ends (on the last day); needs <paramref name="startTime"/> and, on a single day, is after it.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The title is empty, the dates are not ISO, or the end time is without a start time or not after it.</exception>
    public ServiceActivity(string title, DateInterval dates, string place, LocalTime? startTime = null, LocalTime? endTime = null)
    {
        Preconditions.CheckNotNull(title);
        Preconditions.CheckNotNull(dates);
        Preconditions.CheckNotNull(place);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(title), nameof(title), "An activity needs a title.");
        Preconditions.CheckArgument(dates.Start.Calendar == CalendarSystem.Iso, nameof(dates), $"The activity '{title}' has dates outside the ISO calendar.");
        Preconditions.CheckArgument(endTime is null || startTime is not null, nameof(endTime), $"The activity '{title}' has an end time but no start time.");
        Preconditions.CheckArgument(endTime is null || dates.Start != dates.End || endTime > startTime, nameof(endTime),
            $"The activity '{title}' on {dates.Start:yyyy-MM-dd} ends at {endTime:HH:mm}, not after it starts at {startTime:HH:mm}.");
        Title = title;
        Dates = dates;
        Place = place;
        StartTime = startTime;
        EndTime = endTime;
    }

    /// <summary>An activity on the single day <paramref name="date"/>; the other arguments as for the constructor.</summary>
    /// <exception cref="ArgumentException">As for the constructor.</exception>
    public static ServiceActivity OnDay(string title, LocalDate date, string place, LocalTime? startTime = null, LocalTime? endTime = null) =>
        new(title, new DateInterval(date, date), place, startTime, endTime);

    /// <summary>What the activity is.</summary>
    public string Title { get; }

    /// <summary>The days it runs, both ends inclusive.</summary>
    public DateInterval Dates { get; }

    /// <summary>Where it is held; may be empty.</summary>
    public string Place { get; }

    /// <summary>When it starts each day; <see langword="null"/> for an all-day activity.</summary>
    public LocalTime? StartTime { get; }

    /// <summary>When it ends on its last day; <see langword="null"/> when not given.</summary>
    public LocalTime? EndTime { get; }

    /// <summary>Returns <c>yyyy-MM-dd[..yyyy-MM-dd] [HH:mm] Title @ Place</c>.</summary>
    public override string ToString()
    {
        var dates = Dates.Start == Dates.End ? $"{Dates.Start:yyyy-MM-dd}" : $"{Dates.Start:yyyy-MM-dd}..{Dates.End:yyyy-MM-dd}";
        var time = StartTime is { } t ? $" {t:HH:mm}" : string.Empty;
        return Place.Length == 0 ? $"{dates}{time} {Title}" : $"{dates}{time} {Title} @ {Place}";
    }
}
