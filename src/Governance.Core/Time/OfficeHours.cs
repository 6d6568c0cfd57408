using System.Collections.ObjectModel;
using NodaTime;

namespace Governance.Core.Time;

/// <summary>
/// The hours of a working day during which working time accrues: one or more non-overlapping
/// <see cref="OfficePeriod"/>s, the same on every working day. Immutable.
/// </summary>
public sealed class OfficeHours
{
    private readonly long[] _startNanos;
    private readonly long[] _endNanos;

    /// <summary>
    /// Creates office hours from one or more periods, given in any order. Periods may touch (12:00-13:00 and
    /// 13:00-14:00) but not overlap.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="periods"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// There is no period, a period does not start before it ends, or two periods overlap.
    /// </exception>
    public OfficeHours(IEnumerable<OfficePeriod> periods)
    {
        var sorted = Preconditions.CheckNotNull(periods).OrderBy(p => p.Start).ToArray();
        Preconditions.CheckArgument(sorted.Length > 0, nameof(periods), "Office hours need at least one period.");
        for (var i = 0; i < sorted.Length; i++)
        {
            Preconditions.CheckArgument(
                sorted[i].Start < sorted[i].End,
                nameof(periods),
                $"The office period {sorted[i]} must start before it ends (a period cannot cross midnight).");
            if (i > 0)
            {
                Preconditions.CheckArgument(
                    sorted[i - 1].End <= sorted[i].Start,
                    nameof(periods),
                    $"The office periods {sorted[i - 1]} and {sorted[i]} overlap.");
            }
        }

        Periods = new ReadOnlyCollection<OfficePeriod>(sorted);
        _startNanos = sorted.Select(p => p.Start.NanosecondOfDay).ToArray();
        _endNanos = sorted.Select(p => p.End.NanosecondOfDay).ToArray();
        NanosecondsPerDay = sorted.Sum(p => p.End.NanosecondOfDay - p.Start.NanosecondOfDay);
        PerWorkingDay = Duration.FromNanoseconds(NanosecondsPerDay);
    }

    /// <summary>
    /// 09:00-12:00 and 13:30-17:30, seven hours a day: the hours Beijing's district and subdistrict offices post for
    /// receiving the public. The lunch break is left out because nobody works a request then, so a request that
    /// arrives at 12:10 has the same time left as one that arrives at 13:30.
    /// </summary>
    public static OfficeHours Default { get; } = new(
    [
        new OfficePeriod(new LocalTime(9, 0), new LocalTime(12, 0)),
        new OfficePeriod(new LocalTime(13, 30), new LocalTime(17, 30)),
    ]);

    /// <summary>The periods, sorted by start time.</summary>
    public IReadOnlyList<OfficePeriod> Periods { get; }

    /// <summary>The working time of one whole working day: the sum of the periods' lengths; always positive.</summary>
    public Duration PerWorkingDay { get; }

    internal long NanosecondsPerDay { get; }

    /// <summary>Returns the periods joined by commas, for example <c>09:00-12:00, 13:30-17:30</c>.</summary>
    public override string ToString() => string.Join(", ", Periods);

    /// <summary>Working time (ns) that has accrued on a working day by the given time of day.</summary>
    internal long WorkedBy(long nanosecondOfDay)
    {
        long worked = 0;
        for (var i = 0; i < _startNanos.Length; i++)
        {
            if (nanosecondOfDay <= _startNanos[i])
            {
                break;
            }

            worked += Math.Min(nanosecondOfDay, _endNanos[i]) - _startNanos[i];
        }

        return worked;
    }

    /// <summary>
    /// The earliest time of day by which <paramref name="worked"/> ns of working time have accrued; worked is in (0, per day],
    /// so the answer is inside a period or at its end, never at the start of the next one.
    /// </summary>
    internal long TimeWhenWorked(long worked)
    {
        long accrued = 0;
        for (var i = 0; i < _startNanos.Length; i++)
        {
            var length = _endNanos[i] - _startNanos[i];
            if (worked <= accrued + length)
            {
                return _startNanos[i] + (worked - accrued);
            }

            accrued += length;
        }

        return _endNanos[^1];
    }
}
