using System.Globalization;
using System.Text;
using Governance.Core.Catalogue;
using Governance.Core.Organization;
using NodaTime;

namespace Governance.Core.Insights;

/// <summary>The pattern a <see cref="Hotspot"/> shows.</summary>
public enum HotspotKind
{
    /// <summary>高发: the same category at least the level's threshold times in the window.</summary>
    Recurring,

    /// <summary>上升: the window's count is at least the rising factor times the unit's own average of previous windows.</summary>
    Rising,

    /// <summary>季节性: the same category in the same calendar month of enough previous years, with that month coming up.</summary>
    Seasonal,
}

/// <summary>A count of requests in one period: a hotspot's evidence.</summary>
/// <param name="Period">The local dates counted, inclusive.</param>
/// <param name="Count">Requests received on those dates.</param>
public sealed record HotspotPeriodCount(DateInterval Period, long Count);

/// <summary>
/// A cluster of requests of one category in one unit's subtree that <see cref="RequestHotspots"/> found, with the
/// evidence it rests on. Two hotspots are equal when every field, evidence included, is equal.
/// </summary>
/// <param name="Kind">The pattern.</param>
/// <param name="Unit">The building, grid or community.</param>
/// <param name="UnitName">Its name.</param>
/// <param name="Level">Its level.</param>
/// <param name="Category">The category, cut to <see cref="HotspotOptions.CategoryDepth"/> segments.</param>
/// <param name="Window">
/// <see cref="HotspotKind.Recurring"/> and <see cref="HotspotKind.Rising"/>: the window counted (ending on the report's
/// local date). <see cref="HotspotKind.Seasonal"/>: the upcoming calendar month the season is expected in.
/// </param>
/// <param name="Count">
/// Recurring and Rising: requests in the window. Seasonal: requests in the same month of the looked-back years together.
/// </param>
/// <param name="Threshold">
/// The count the rule needed: the level's threshold (Recurring), the larger of the rising minimum and factor × baseline
/// (Rising), the minimum count per year (Seasonal).
/// </param>
/// <param name="Baseline">Rising: the average count of the previous windows. Otherwise <see langword="null"/>.</param>
/// <param name="Evidence">
/// Recurring: the requests per day of the window, days with none left out. Rising: the previous windows' counts, oldest
/// first, then the current window's. Seasonal: the month of each looked-back year, oldest first.
/// </param>
public sealed record Hotspot(
    HotspotKind Kind, UnitId Unit, string UnitName, UnitLevel Level, CategoryCode Category, DateInterval Window, long Count,
    double Threshold, double? Baseline, IReadOnlyList<HotspotPeriodCount> Evidence)
{
    /// <summary>Whether every field, evidence included (element by element), is equal.</summary>
    public bool Equals(Hotspot? other) =>
        other is not null && Kind == other.Kind && Unit == other.Unit && UnitName == other.UnitName && Level == other.Level
        && Category == other.Category && Window == other.Window && Count == other.Count && Threshold.Equals(other.Threshold)
        && Nullable.Equals(Baseline, other.Baseline) && Evidence.SequenceEqual(other.Evidence);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Unit, Category, Window, Count);

    /// <summary>The evidence as text, <c>2023-11-01..2023-11-30: 5; …</c> (a single day is written once).</summary>
    public string EvidenceText()
    {
        var text = new StringBuilder();
        foreach (var e in Evidence)
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(Format(e.Period)).Append(": ").Append(e.Count.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>Writes a period as <c>2023-11-01..2023-11-30</c>, or <c>2023-11-01</c> for one day.</summary>
    internal static string Format(DateInterval period) =>
        period.Start == period.End
            ? period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : $"{period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}..{period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}

/// <summary>The length of a <see cref="TicketTrend"/>'s periods.</summary>
public enum TrendPeriod
{
    /// <summary>ISO weeks, Monday to Sunday.</summary>
    Week,

    /// <summary>Calendar months.</summary>
    Month,
}

/// <summary>One period of a <see cref="TicketTrend"/>.</summary>
/// <param name="Period">The local dates counted, inclusive: a week or month, cut to the trend's dates at either end.</param>
/// <param name="Hotline12345">Requests that arrived as 12345 work orders (<c>Channel.Hotline12345</c>).</param>
/// <param name="AllChannels">Requests of every channel, 12345 included.</param>
public sealed record TrendPoint(DateInterval Period, long Hotline12345, long AllChannels);

/// <summary>
/// The requests received per week or month for one unit's subtree (the unit and everything below it), oldest first, one
/// point per period whether or not anything arrived. A parent's counts are exactly the sum of its children's plus those
/// of requests located at the parent itself.
/// </summary>
/// <param name="Unit">The unit.</param>
/// <param name="Period">Weeks or months.</param>
/// <param name="Dates">The local dates covered, inclusive.</param>
/// <param name="Points">One point per period.</param>
public sealed record TicketTrend(UnitId Unit, TrendPeriod Period, DateInterval Dates, IReadOnlyList<TrendPoint> Points)
{
    /// <summary>Whether every field, points included (element by element), is equal.</summary>
    public bool Equals(TicketTrend? other) =>
        other is not null && Unit == other.Unit && Period == other.Period && Dates == other.Dates && Points.SequenceEqual(other.Points);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Unit, Period, Dates, Points.Count);
}
