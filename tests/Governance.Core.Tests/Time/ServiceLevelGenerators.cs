using FsCheck;
using FsCheck.Fluent;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Tests.Time;

/// <summary>Generators for the service-level properties: receipts in 2010-2026, cut-offs, limits and whole policies.</summary>
internal static class ServiceLevelGenerators
{
    public static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static readonly LocalDate First = new(2010, 1, 1);
    private static readonly int Span = Period.DaysBetween(First, new LocalDate(2026, 12, 31));

    public static Gen<LocalDate> Dates => Gen.Choose(0, Span).Select(d => First.PlusDays(d));

    // Any time of day, and the edges that matter: midnight, office openings and closings, a common cut-off.
    public static Gen<LocalTime> Times => Gen.OneOf(
        Gen.Choose(0, (24 * 60) - 1).Select(m => LocalTime.FromMinutesSinceMidnight(m)),
        Gen.Elements(LocalTime.Midnight, new LocalTime(9, 0), new LocalTime(12, 0), new LocalTime(13, 30), new LocalTime(17, 0), new LocalTime(17, 30), new LocalTime(23, 59, 59)),
        from s in Gen.Choose(0, (24 * 3600) - 1)
        from n in Gen.Choose(0, 999_999_999)
        select LocalTime.FromSecondsSinceMidnight(s).PlusNanoseconds(n));

    public static Gen<Instant> Receipts =>
        from date in Dates
        from time in Times
        select (date + time).InZoneStrictly(Beijing).ToInstant();

    public static Gen<LocalTime> Cutoffs => Gen.OneOf(
        Gen.Choose(1, (24 * 60) - 1).Select(m => LocalTime.FromMinutesSinceMidnight(m)),
        Gen.Elements(new LocalTime(17, 0), new LocalTime(17, 30), new LocalTime(12, 0), new LocalTime(9, 0)));

    /// <summary>A receipt on a random date at, just before or just after the cut-off, or at any time.</summary>
    public static Gen<Instant> ReceiptsAround(LocalTime cutoff) =>
        from date in Dates
        from shift in Gen.OneOf(Gen.Elements(0L, -1L, 1L, -60_000_000_000L, 60_000_000_000L), Gen.Choose(-12 * 60, 12 * 60).Select(m => m * 60_000_000_000L))
        let nanos = Math.Clamp(cutoff.NanosecondOfDay + shift, 0, NodaConstants.NanosecondsPerDay - 1)
        select (date + LocalTime.FromNanosecondsSinceMidnight(nanos)).InZoneStrictly(Beijing).ToInstant();

    public static Gen<CategoryClass> Classes => Gen.Elements(Enum.GetValues<CategoryClass>());

    public static Gen<ResolutionLimit> Limits => Gen.OneOf(
        Gen.Choose(1, 14 * 24 * 60).Select(m => ResolutionLimit.CalendarTime(Duration.FromMinutes(m))),
        Gen.Choose(1, 30 * 7 * 60).Select(m => ResolutionLimit.WorkingTime(Duration.FromMinutes(m))),
        Gen.Choose(1, 30).Select(ResolutionLimit.WorkingDays));

    /// <summary>Policies with or without a cut-off, any warning fraction, and any limit for each class.</summary>
    public static Gen<ServiceLevelPolicy> Policies =>
        from cutoff in Gen.OneOf(Gen.Constant<LocalTime?>(null), Cutoffs.Select(c => (LocalTime?)c))
        from percent in Gen.Choose(1, 99)
        from limits in Limits.ArrayOf(4)
        select Build(cutoff, percent / 100.0, limits);

    private static ServiceLevelPolicy Build(LocalTime? cutoff, double fraction, ResolutionLimit[] limits)
    {
        var builder = new ServiceLevelPolicyBuilder().WithSameDayCutoff(cutoff).WithWarningFraction(fraction);
        foreach (var categoryClass in Enum.GetValues<CategoryClass>())
        {
            builder.WithLimit(categoryClass, limits[(int)categoryClass]);
        }

        return builder.Build();
    }

    public static Instant StartOfDay(LocalDate date) => Beijing.AtStartOfDay(date).ToInstant();

    /// <summary>
    /// Time from <paramref name="from"/> to <paramref name="deadline"/> on the clock of <paramref name="limit"/>: signed calendar
    /// time for calendar limits, office time for the working clocks.
    /// </summary>
    public static Duration TimeLeft(ResolutionLimit limit, WorkingCalendar calendar, Instant from, Instant deadline) =>
        limit.Clock == LimitClock.CalendarTime ? deadline - from : calendar.WorkingTimeBetween(from, deadline);
}
