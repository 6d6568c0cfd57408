using System.Runtime.InteropServices;
using Governance.Core.Catalogue;
using Governance.Core.Organization;
using Governance.Core.Requests;
using NodaTime;

namespace Governance.Core.Insights;

/// <summary>
/// Proactive handling (未诉先办), projected from request events only: feed it the events as they are recorded
/// (<see cref="Apply"/>, <see cref="ApplyRange"/>) and ask, as of any instant, for the <see cref="Hotspot"/>s — the same
/// category recurring in one building, grid or community, rising against the unit's own baseline, or returning with
/// the season — and, for any unit, the <see cref="TicketTrend"/> of its 12345 tickets. Not thread-safe: one writer.
/// </summary>
/// <remarks>
/// <para>
/// <b>State.</b> Only <see cref="RequestReceived"/> counts; every other event is ignored (a request's later life does not
/// change that residents raised it). Applying a receipt is O(1): the request id is remembered (to refuse a second
/// receipt) and one count is added to the cell (local date of receipt, then unit of its location, category cut to
/// <see cref="HotspotOptions.CategoryDepth"/> segments) — two counters, all channels and
/// 12345. The state is therefore the same whatever order or batches the receipts come in.
/// </para>
/// <para>
/// <b>Finding hotspots</b> (<see cref="Find"/>) visits only the dates that count (the window, the baseline windows and
/// the looked-back months) and costs O(cells on those dates × tree depth). Counts are of a unit's whole subtree and
/// are judged at building, grid and community level, by local date in <see cref="HotspotOptions.Zone"/>; the window is
/// the <see cref="HotspotOptions.WindowDays"/> local dates ending on (and including) the local date of the instant, and
/// receipts dated after that date are not counted. Counting is by whole local days: a receipt later on the instant's
/// own date counts too (to cut the log exactly, apply only the events up to the instant). The rules, each per unit and category:
/// </para>
/// <list type="bullet">
/// <item><see cref="HotspotKind.Recurring"/>: the window's count is at least the level's threshold
/// (<see cref="HotspotOptions.ThresholdAt"/>).</item>
/// <item><see cref="HotspotKind.Rising"/>: the baseline is the average count of the
/// <see cref="HotspotOptions.BaselineWindows"/> windows of the same length just before the window; the window's count is
/// at least <see cref="HotspotOptions.RisingFactor"/> × baseline and at least
/// <see cref="HotspotOptions.RisingMinimumCount"/>. Judged only when the baseline windows begin on or after the data's
/// start (<see cref="HotspotOptions.DataStart"/>, by default <see cref="FirstReceiptDate"/>).</item>
/// <item><see cref="HotspotKind.Seasonal"/>: for each calendar month whose first day is after the local date and at most
/// <see cref="HotspotOptions.LeadTimeDays"/> days after it, the same month of each of the
/// <see cref="HotspotOptions.SeasonalLookbackYears"/> previous years is counted; at least
/// <see cref="HotspotOptions.SeasonalMinimumYears"/> of them had at least <see cref="HotspotOptions.SeasonalMinimumCount"/>
/// requests.</item>
/// </list>
/// <para>
/// <b>One cluster, one report.</b> A cluster in one building also crosses its grid's and community's counts. A building
/// that qualifies is always reported; a grid or community that qualifies is left out when one of its children qualifies
/// for the same kind, category (and month) and holds at least <see cref="HotspotOptions.ExplainedShare"/> of its count —
/// the child's hotspot already says it. A parent whose count is spread over several children is reported as well.
/// Kinds are judged independently: a unit may be both Recurring and Rising.
/// </para>
/// <para>
/// <b>Order.</b> By kind, then window start, then the unit's position in the tree (depth first, children in the order
/// they were added), then category (ordinal): the same events always give the same list.
/// </para>
/// <para>
/// <b>Time.</b> Only event instants and the instants given are read; never the wall clock.
/// </para>
/// <para>
/// <b>Bad input.</b> A second receipt of one request id, a receipt at a unit the chart does not know, or one without a
/// category throws <see cref="ArgumentException"/> naming the request, the event and the reason, and changes nothing.
/// </para>
/// </remarks>
public sealed class RequestHotspots
{
    private readonly Chart _chart;
    private readonly Dictionary<string, int> _unitIndex = new(StringComparer.Ordinal);
    private readonly Unit[] _units;        // by unit index
    private readonly int[] _parent;        // by unit index; -1 for the district
    private readonly int[] _position;      // by unit index: position in depth-first order
    private readonly int[] _subtreeEnd;    // by unit index: exclusive end of its subtree in depth-first order
    private readonly Dictionary<string, int> _categoryOfCode = new(StringComparer.Ordinal); // a received code → its cut category
    private readonly Dictionary<string, int> _categoryIndex = new(StringComparer.Ordinal);  // a cut category → its index
    private readonly List<CategoryCode> _categories = [];
    private readonly HashSet<string> _received = new(StringComparer.Ordinal);
    private readonly Dictionary<LocalDate, Dictionary<Cell, CellCount>> _days = []; // by local date of receipt, so a report visits only the dates it needs

    /// <summary>Starts an empty projection over <paramref name="chart"/>.</summary>
    /// <param name="chart">The chart whose units the requests' locations name.</param>
    /// <param name="options">The rules; <see cref="HotspotOptions.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range (see <see cref="HotspotOptions.Validate"/>).</exception>
    public RequestHotspots(Chart chart, HotspotOptions? options = null)
    {
        _chart = Preconditions.CheckNotNull(chart);
        Options = (options ?? HotspotOptions.Default).Validate();
        var count = chart.Units.Length;
        _units = new Unit[count];
        _parent = new int[count];
        _position = new int[count];
        _subtreeEnd = new int[count];
        foreach (var unit in chart.Units)
        {
            _unitIndex.Add(unit.Id.Value, unit.Index);
            _units[unit.Index] = unit;
        }

        foreach (var unit in chart.Units)
        {
            _parent[unit.Index] = chart.ParentOf(unit) is { } parent ? parent.Index : -1;
        }

        var position = 0;
        _position[chart.District.Index] = position++;
        foreach (var unit in chart.DescendantsOf(chart.District))
        {
            _position[unit.Index] = position++;
        }

        foreach (var unit in chart.Units)
        {
            _subtreeEnd[unit.Index] = _position[unit.Index] + 1 + chart.DescendantsOf(unit).Length;
        }
    }

    /// <summary>The chart the locations are resolved against.</summary>
    public Chart Chart => _chart;

    /// <summary>The rules (validated).</summary>
    public HotspotOptions Options { get; }

    /// <summary>How many requests have been received.</summary>
    public int RequestCount => _received.Count;

    /// <summary>
    /// The earliest local date (in <see cref="HotspotOptions.Zone"/>) of a receipt applied; <see langword="null"/> before
    /// any. The data's start for <see cref="HotspotKind.Rising"/> unless <see cref="HotspotOptions.DataStart"/> is set.
    /// </summary>
    public LocalDate? FirstReceiptDate { get; private set; }

    /// <summary>
    /// Applies one event: a <see cref="RequestReceived"/> is counted, every other event is ignored. Events may come in
    /// any order and in any batches.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The event is a second receipt of a request, a receipt at a unit not in the chart, or a receipt without a
    /// category. The projection is unchanged.
    /// </exception>
    public void Apply(RequestEvent requestEvent)
    {
        Preconditions.CheckNotNull(requestEvent);
        if (requestEvent is not RequestReceived received)
        {
            return;
        }

        var id = received.RequestId.Value;
        if (string.IsNullOrEmpty(id))
        {
            throw Bad(received, "it has no request id");
        }

        if (_received.Contains(id))
        {
            throw Bad(received, "the request was already received");
        }

        if (received.Location.Unit.Value is not { } unitId || !_unitIndex.TryGetValue(unitId, out var unit))
        {
            throw Bad(received, $"its unit '{received.Location.Unit}' is not in the chart");
        }

        if (string.IsNullOrWhiteSpace(received.Category.Value))
        {
            throw Bad(received, "it has no category");
        }

        var category = CategoryOf(received.Category.Value);
        var date = received.At.InZone(Options.Zone).Date;
        _received.Add(id);
        if (FirstReceiptDate is not { } first || date < first)
        {
            FirstReceiptDate = date;
        }

        if (!_days.TryGetValue(date, out var day))
        {
            day = [];
            _days.Add(date, day);
        }

        ref var cell = ref CollectionsMarshal.GetValueRefOrAddDefault(day, new Cell(unit, category), out _);
        cell.All++;
        if (received.Channel == Channel.Hotline12345)
        {
            cell.Hotline++;
        }
    }

    /// <summary>Applies events in order, as <see cref="Apply"/> one by one.</summary>
    /// <exception cref="ArgumentException">
    /// An event is bad (see <see cref="Apply"/>): the events before it are applied, it and those after it are not; the
    /// message gives its position.
    /// </exception>
    public void ApplyRange(IEnumerable<RequestEvent> events)
    {
        Projection.ApplyEach(events, Apply);
    }

    /// <summary>
    /// The hotspots as of <paramref name="asOf"/>, by the rules in the remarks on <see cref="RequestHotspots"/>, in
    /// their documented order.
    /// </summary>
    public IReadOnlyList<Hotspot> Find(Instant asOf)
    {
        var o = Options;
        var today = asOf.InZone(o.Zone).Date;
        int w = o.WindowDays, n = o.BaselineWindows, years = o.SeasonalLookbackYears;
        var windowStart = today.PlusDays(-(w - 1));
        var baselineStart = windowStart.PlusDays(-n * w);
        var judgeRising = (o.DataStart ?? FirstReceiptDate) is { } dataStart && baselineStart >= dataStart;
        var months = new List<LocalDate>();
        for (var first = today.With(DateAdjusters.StartOfMonth).PlusMonths(1); Period.DaysBetween(today, first) <= o.LeadTimeDays; first = first.PlusMonths(1))
        {
            months.Add(first);
        }

        var size = w + n + (months.Count * years);
        // The dates that count: the baseline windows and the window, then the looked-back months not already among them.
        var dates = new List<LocalDate>();
        for (var date = baselineStart; date <= today; date = date.PlusDays(1))
        {
            dates.Add(date);
        }

        foreach (var month in months)
        {
            for (var back = 1; back <= years; back++)
            {
                var first = month.PlusYears(-back);
                for (var date = first; date.Month == first.Month && date < baselineStart; date = date.PlusDays(1))
                {
                    dates.Add(date);
                }
            }
        }

        var tallies = new Dictionary<(int Unit, int Category), long[]>();
        foreach (var date in dates)
        {
            if (!_days.TryGetValue(date, out var day))
            {
                continue;
            }

            var recent = date >= windowStart ? Period.DaysBetween(windowStart, date)
                : date >= baselineStart ? w + (Period.DaysBetween(baselineStart, date) / w)
                : -1;
            var seasonal = -1;
            for (var m = 0; m < months.Count; m++)
            {
                var back = months[m].Year - date.Year;
                if (date.Month == months[m].Month && back >= 1 && back <= years)
                {
                    seasonal = w + n + (m * years) + (years - back);
                }
            }

            foreach (var (cell, count) in day)
            {
                for (var u = cell.Unit; u >= 0 && _units[u].Level >= UnitLevel.Community; u = _parent[u])
                {
                    ref var tally = ref CollectionsMarshal.GetValueRefOrAddDefault(tallies, (u, cell.Category), out var exists);
                    if (!exists)
                    {
                        tally = new long[size];
                    }

                    if (recent >= 0)
                    {
                        tally![recent] += count.All;
                    }

                    if (seasonal >= 0)
                    {
                        tally![seasonal] += count.All;
                    }
                }
            }
        }

        var candidates = new Dictionary<(HotspotKind Kind, int Month, int Unit, int Category), Hotspot>();
        foreach (var ((u, c), t) in tallies)
        {
            var unit = _units[u];
            var category = _categories[c];
            long current = 0;
            for (var d = 0; d < w; d++)
            {
                current += t[d];
            }

            var window = new DateInterval(windowStart, today);
            var threshold = o.ThresholdAt(unit.Level);
            if (current >= threshold)
            {
                var days = new List<HotspotPeriodCount>();
                for (var d = 0; d < w; d++)
                {
                    if (t[d] > 0)
                    {
                        var day = windowStart.PlusDays(d);
                        days.Add(new HotspotPeriodCount(new DateInterval(day, day), t[d]));
                    }
                }

                candidates.Add((HotspotKind.Recurring, -1, u, c), new Hotspot(HotspotKind.Recurring, unit.Id, unit.Name, unit.Level, category, window, current, threshold, null, days));
            }

            long before = 0;
            for (var k = 0; k < n; k++)
            {
                before += t[w + k];
            }

            var baseline = (double)before / n;
            var needed = Math.Max(o.RisingMinimumCount, o.RisingFactor * baseline);
            if (judgeRising && current >= needed)
            {
                var windows = new List<HotspotPeriodCount>(n + 1);
                for (var k = 0; k < n; k++)
                {
                    var start = baselineStart.PlusDays(k * w);
                    windows.Add(new HotspotPeriodCount(new DateInterval(start, start.PlusDays(w - 1)), t[w + k]));
                }

                windows.Add(new HotspotPeriodCount(window, current));
                candidates.Add((HotspotKind.Rising, -1, u, c), new Hotspot(HotspotKind.Rising, unit.Id, unit.Name, unit.Level, category, window, current, needed, baseline, windows));
            }

            for (var m = 0; m < months.Count; m++)
            {
                long total = 0;
                var seasons = 0;
                var perYear = new List<HotspotPeriodCount>(years);
                for (var y = 0; y < years; y++)
                {
                    var value = t[w + n + (m * years) + y];
                    total += value;
                    seasons += value >= o.SeasonalMinimumCount ? 1 : 0;
                    var first = months[m].PlusYears(y - years);
                    perYear.Add(new HotspotPeriodCount(new DateInterval(first, first.With(DateAdjusters.EndOfMonth)), value));
                }

                if (seasons >= o.SeasonalMinimumYears)
                {
                    var season = new DateInterval(months[m], months[m].With(DateAdjusters.EndOfMonth));
                    candidates.Add((HotspotKind.Seasonal, m, u, c), new Hotspot(HotspotKind.Seasonal, unit.Id, unit.Name, unit.Level, category, season, total, o.SeasonalMinimumCount, null, perYear));
                }
            }
        }

        var found = new List<(Hotspot Hotspot, int Position, int Category)>();
        foreach (var ((kind, month, u, c), hotspot) in candidates)
        {
            if (!Explained(candidates, kind, month, u, c, hotspot.Count))
            {
                found.Add((hotspot, _position[u], c));
            }
        }

        found.Sort((a, b) =>
        {
            var order = a.Hotspot.Kind.CompareTo(b.Hotspot.Kind);
            order = order != 0 ? order : a.Hotspot.Window.Start.CompareTo(b.Hotspot.Window.Start);
            order = order != 0 ? order : a.Position.CompareTo(b.Position);
            return order != 0 ? order : string.CompareOrdinal(a.Hotspot.Category.Value, b.Hotspot.Category.Value);
        });
        return [.. found.Select(f => f.Hotspot)];
    }

    /// <summary>
    /// The requests received per week or month in <paramref name="unit"/>'s subtree on the local dates of
    /// <paramref name="dates"/> (inclusive), 12345 work orders and all channels, one point per period (the first and
    /// last cut to <paramref name="dates"/>). Costs O(cells on those dates + days with receipts).
    /// </summary>
    /// <param name="unit">Any unit of the chart, the district included.</param>
    /// <param name="dates">The local dates to cover.</param>
    /// <param name="period">Weeks (Monday to Sunday) or calendar months; default months.</param>
    /// <exception cref="ArgumentException"><paramref name="unit"/> is not in the chart, or <paramref name="period"/> is undefined.</exception>
    public TicketTrend Trend(UnitId unit, DateInterval dates, TrendPeriod period = TrendPeriod.Month)
    {
        Preconditions.CheckNotNull(dates);
        Preconditions.CheckArgument(unit.Value is { } id && _unitIndex.ContainsKey(id), nameof(unit), $"The unit '{unit}' is not in the chart.");
        Preconditions.CheckArgument(Enum.IsDefined(period), nameof(period), $"The trend period {period} is not defined.");
        var u = _unitIndex[unit.Value!];
        var first = period == TrendPeriod.Month
            ? dates.Start.With(DateAdjusters.StartOfMonth)
            : dates.Start.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        var starts = new List<LocalDate>();
        for (var start = first; start <= dates.End; start = period == TrendPeriod.Month ? start.PlusMonths(1) : start.PlusWeeks(1))
        {
            starts.Add(start);
        }

        var hotline = new long[starts.Count];
        var all = new long[starts.Count];
        int from = _position[u], to = _subtreeEnd[u];
        foreach (var (date, day) in _days)
        {
            if (!dates.Contains(date))
            {
                continue;
            }

            var i = period == TrendPeriod.Month
                ? ((date.Year - first.Year) * 12) + date.Month - first.Month
                : Period.DaysBetween(first, date) / 7;
            foreach (var (cell, count) in day)
            {
                var p = _position[cell.Unit];
                if (p >= from && p < to)
                {
                    hotline[i] += count.Hotline;
                    all[i] += count.All;
                }
            }
        }

        var points = new TrendPoint[starts.Count];
        for (var i = 0; i < starts.Count; i++)
        {
            var end = period == TrendPeriod.Month ? starts[i].With(DateAdjusters.EndOfMonth) : starts[i].PlusDays(6);
            var start = starts[i] < dates.Start ? dates.Start : starts[i];
            points[i] = new TrendPoint(new DateInterval(start, end > dates.End ? dates.End : end), hotline[i], all[i]);
        }

        return new TicketTrend(unit, period, dates, points);
    }

    private bool Explained(Dictionary<(HotspotKind, int, int, int), Hotspot> candidates, HotspotKind kind, int month, int u, int c, long count)
    {
        if (_units[u].Level == UnitLevel.Building)
        {
            return false;
        }

        foreach (var child in _chart.ChildrenOf(_units[u]))
        {
            if (candidates.TryGetValue((kind, month, child.Index, c), out var hotspot) && hotspot.Count >= Options.ExplainedShare * count)
            {
                return true;
            }
        }

        return false;
    }

    private int CategoryOf(string code)
    {
        if (_categoryOfCode.TryGetValue(code, out var index))
        {
            return index;
        }

        var cut = code;
        var segments = 0;
        for (var i = 0; i < code.Length; i++)
        {
            if (code[i] == '/' && ++segments == Options.CategoryDepth)
            {
                cut = code[..i];
                break;
            }
        }

        if (!_categoryIndex.TryGetValue(cut, out index))
        {
            index = _categories.Count;
            _categories.Add(new CategoryCode(cut));
            _categoryIndex.Add(cut, index);
        }

        _categoryOfCode.Add(code, index);
        return index;
    }

    private static ArgumentException Bad(RequestReceived e, string reason) =>
        new($"Request {e.RequestId}: event 'received' at {e.At} cannot be applied: {reason}.", "requestEvent");

    private readonly record struct Cell(int Unit, int Category);

    private struct CellCount
    {
        public int All;
        public int Hotline;
    }
}
