using System.Globalization;
using Governance.Core.Organization;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Insights;

/// <summary>
/// The rules by which <see cref="RequestHotspots"/> calls a cluster of requests a hotspot: the window, the threshold
/// per level, the rise against a unit's own baseline, the seasonal return and the lead time before a season. Immutable;
/// checked by <see cref="Validate"/>, which <see cref="RequestHotspots"/> calls when it is constructed.
/// </summary>
/// <remarks>
/// Use <c>with</c> to change one: <c>HotspotOptions.Default with { WindowDays = 14, BuildingThreshold = 2 }</c>. All
/// counts are of requests received (every channel), located at the unit or anywhere below it, of one category cut to
/// <see cref="CategoryDepth"/> segments.
/// </remarks>
public sealed record HotspotOptions
{
    /// <summary>
    /// The defaults: a 30-day window; thresholds 3 (building), 5 (grid), 8 (community); rising at 2× the average of
    /// the 3 previous windows with at least 4 requests; seasonal when at least 2 of the 3 previous years had at least 3
    /// requests in the same calendar month, proposed up to 30 days ahead; categories cut to their first segment; a
    /// parent explained by one child holding 75 % of its count; the Asia/Shanghai calendar.
    /// </summary>
    public static HotspotOptions Default { get; } = new();

    /// <summary>
    /// The window's length in days; the window ends on (and includes) the local date of the report's instant. Default
    /// 30. At least 1 and at most 366.
    /// </summary>
    public int WindowDays { get; init; } = 30;

    /// <summary>Requests in the window at which a building is a <see cref="HotspotKind.Recurring"/> hotspot (inclusive). Default 3; at least 1.</summary>
    public int BuildingThreshold { get; init; } = 3;

    /// <summary>Requests in the window at which a grid is a <see cref="HotspotKind.Recurring"/> hotspot (inclusive). Default 5; at least 1.</summary>
    public int GridThreshold { get; init; } = 5;

    /// <summary>Requests in the window at which a community or village is a <see cref="HotspotKind.Recurring"/> hotspot (inclusive). Default 8; at least 1.</summary>
    public int CommunityThreshold { get; init; } = 8;

    /// <summary>
    /// How many windows before the current one make a unit's own baseline (their average count). Default 3; at least
    /// 1 and at most 24.
    /// </summary>
    public int BaselineWindows { get; init; } = 3;

    /// <summary>
    /// A unit is <see cref="HotspotKind.Rising"/> when its window count is at least this factor times its baseline
    /// (and at least <see cref="RisingMinimumCount"/>). Default 2; finite and greater than 1.
    /// </summary>
    public double RisingFactor { get; init; } = 2.0;

    /// <summary>
    /// The fewest requests in the window for a <see cref="HotspotKind.Rising"/> hotspot at any level, so that 1 → 2
    /// is not a rise; a unit with no history rises as soon as it reaches this count. Default 4; at least 1.
    /// </summary>
    public int RisingMinimumCount { get; init; } = 4;

    /// <summary>How many previous years the seasonal rule looks back. Default 3; at least 1 and at most 10.</summary>
    public int SeasonalLookbackYears { get; init; } = 3;

    /// <summary>
    /// In how many of the looked-back years the same calendar month must have had at least
    /// <see cref="SeasonalMinimumCount"/> requests for a <see cref="HotspotKind.Seasonal"/> hotspot. Default 2; at
    /// least 1 and at most <see cref="SeasonalLookbackYears"/>.
    /// </summary>
    public int SeasonalMinimumYears { get; init; } = 2;

    /// <summary>The fewest requests in a month of a past year for that year to count as a season. Default 3; at least 1.</summary>
    public int SeasonalMinimumCount { get; init; } = 3;

    /// <summary>
    /// How far ahead a season is looked for: a calendar month is upcoming when its first day is after the report's
    /// local date and at most this many days after it (20 October with 30 days looks at November). Default 30; at
    /// least 1 and at most 364, so that no month is looked for twice.
    /// </summary>
    public int LeadTimeDays { get; init; } = 30;

    /// <summary>
    /// How many segments of a category code are kept when counting (<c>供暖/不热</c> at depth 1 counts as <c>供暖</c>).
    /// Default 1; at least 1.
    /// </summary>
    public int CategoryDepth { get; init; } = 1;

    /// <summary>
    /// A grid or community that qualifies is not reported when one of its children qualifies for the same kind and
    /// category and holds at least this share of its count: that child's hotspot already says it. Default 0.75; in
    /// (0, 1].
    /// </summary>
    public double ExplainedShare { get; init; } = 0.75;

    /// <summary>
    /// The first local date the receipts cover. A <see cref="HotspotKind.Rising"/> hotspot is judged only when its
    /// baseline windows begin on or after it: before the data starts a baseline counts as zero, and every busy category
    /// would look as if it were rising for the first months of a new system. The other kinds only undercount before it,
    /// so they are judged as always. Default <see langword="null"/>: the earliest local date of a receipt applied
    /// (<see cref="RequestHotspots.FirstReceiptDate"/>). Set an earlier date when the data is known to cover days
    /// without receipts, or <see cref="LocalDate.MinIsoValue"/> to judge every window.
    /// </summary>
    public LocalDate? DataStart { get; init; }

    /// <summary>The time zone whose local dates the requests are counted by. Default Asia/Shanghai (the working calendar's zone).</summary>
    public DateTimeZone Zone { get; init; } = WorkingCalendar.Default.Zone;

    /// <summary>The <see cref="HotspotKind.Recurring"/> threshold at <paramref name="level"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is above the community level.</exception>
    public int ThresholdAt(UnitLevel level) => level switch
    {
        UnitLevel.Building => BuildingThreshold,
        UnitLevel.Grid => GridThreshold,
        UnitLevel.Community => CommunityThreshold,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Hotspots are found at building, grid and community level only."),
    };

    /// <summary>Checks every option against the range its documentation gives.</summary>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException">An option is out of range; the parameter name is the option's name.</exception>
    public HotspotOptions Validate()
    {
        CheckRange(WindowDays, 1, 366, nameof(WindowDays));
        CheckRange(BuildingThreshold, 1, int.MaxValue, nameof(BuildingThreshold));
        CheckRange(GridThreshold, 1, int.MaxValue, nameof(GridThreshold));
        CheckRange(CommunityThreshold, 1, int.MaxValue, nameof(CommunityThreshold));
        CheckRange(BaselineWindows, 1, 24, nameof(BaselineWindows));
        Preconditions.CheckArgument(double.IsFinite(RisingFactor) && RisingFactor > 1, nameof(RisingFactor),
            $"{nameof(RisingFactor)} must be a finite number greater than 1; it is {RisingFactor.ToString(CultureInfo.InvariantCulture)}.");
        CheckRange(RisingMinimumCount, 1, int.MaxValue, nameof(RisingMinimumCount));
        CheckRange(SeasonalLookbackYears, 1, 10, nameof(SeasonalLookbackYears));
        CheckRange(SeasonalMinimumYears, 1, SeasonalLookbackYears, nameof(SeasonalMinimumYears));
        CheckRange(SeasonalMinimumCount, 1, int.MaxValue, nameof(SeasonalMinimumCount));
        CheckRange(LeadTimeDays, 1, 364, nameof(LeadTimeDays));
        CheckRange(CategoryDepth, 1, int.MaxValue, nameof(CategoryDepth));
        Preconditions.CheckArgument(double.IsFinite(ExplainedShare) && ExplainedShare > 0 && ExplainedShare <= 1, nameof(ExplainedShare),
            $"{nameof(ExplainedShare)} must be a number in (0, 1]; it is {ExplainedShare.ToString(CultureInfo.InvariantCulture)}.");
        Preconditions.CheckArgument(Zone is not null, nameof(Zone), $"{nameof(Zone)} is required.");
        return this;
    }

    private static void CheckRange(int value, int min, int max, string name) =>
        Preconditions.CheckArgument(value >= min && value <= max, name,
            max == int.MaxValue ? $"{name} must be at least {min}; it is {value}." : $"{name} must be between {min} and {max}; it is {value}.");
}
