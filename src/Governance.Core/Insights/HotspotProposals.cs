using System.Globalization;
using Governance.Core.Ledger;
using Governance.Core.Organization;
using Governance.Core.Requests;
using NodaTime;

namespace Governance.Core.Insights;

/// <summary>
/// Turns <see cref="Hotspot"/>s into ledger proposals (<see cref="ProposeLedgerItem"/>, origin
/// <see cref="LedgerOrigin.Proactive"/>) for <see cref="Ledger.Ledger.Propose"/>: 未诉先办, acting before the next
/// complaint.
/// </summary>
public static class HotspotProposals
{
    /// <summary>
    /// One proposal per hotspot, in the hotspots' order. Each is proposed for the ledger of the hotspot's community (or
    /// village) committee, located at the hotspot's unit, about its category, with a title, description and basis in
    /// Chinese and English that name the pattern and the evidence.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <b>Class</b> (急难愁盼): <see cref="HotspotKind.Rising"/> → <see cref="ConcernClass.Urgent"/> (it is getting worse
    /// now); <see cref="HotspotKind.Seasonal"/> → <see cref="ConcernClass.Worrying"/> (a lasting worry that comes back
    /// every year); <see cref="HotspotKind.Recurring"/> → <see cref="ConcernClass.Difficult"/> at community level (a
    /// cluster over several grids needs more than one grid's staff) and <see cref="ConcernClass.Worrying"/> below.
    /// </para>
    /// <para>
    /// <b>Id</b>: <c>proactive/{kind}/{unit}/{category}/{window start}</c>, so proposing the same hotspot twice names the
    /// same item and the ledger refuses the second (check with <see cref="Ledger.Ledger.TryGet"/> first). A Recurring or
    /// Rising window moves with the report's date, so the next day's report proposes a new id for a hotspot that
    /// persists: pass the hotspots through <see cref="NotOnLedger"/> first to propose each concern once.
    /// </para>
    /// </remarks>
    /// <param name="chart">The chart the hotspots' units are in.</param>
    /// <param name="hotspots">The hotspots, for example from <see cref="RequestHotspots.Find"/>.</param>
    /// <param name="at">When the proposals are made.</param>
    /// <exception cref="ArgumentException">A hotspot's unit is not in the chart.</exception>
    public static IReadOnlyList<ProposeLedgerItem> ProposeLedgerItems(Chart chart, IEnumerable<Hotspot> hotspots, Instant at)
    {
        Preconditions.CheckNotNull(chart);
        Preconditions.CheckNotNull(hotspots);
        var proposals = new List<ProposeLedgerItem>();
        foreach (var h in hotspots)
        {
            Preconditions.CheckNotNull(h, nameof(hotspots));
            Preconditions.CheckArgument(chart.TryGetUnit(h.Unit, out var unit), nameof(hotspots), $"The hotspot's unit '{h.Unit}' is not in the chart.");
            var keeper = chart.AncestorOrSelfAt(unit, UnitLevel.Community) ?? unit;
            var id = new LedgerItemId(IdOf(h));
            proposals.Add(new ProposeLedgerItem(id, Agency.Unit(keeper.Id), at, ClassOf(h), h.Category, new RequestLocation(h.Unit),
                Title(h), Description(h), LedgerOrigin.Proactive, Basis(h)));
        }

        return proposals;
    }

    /// <summary>
    /// The hotspots <paramref name="ledger"/> does not already carry, in their order, so that each can be proposed. A
    /// hotspot is carried when the ledger holds its item (the same id, in any status: the ledger never takes an id twice),
    /// and a <see cref="HotspotKind.Recurring"/> or <see cref="HotspotKind.Rising"/> one also while the ledger holds an
    /// item not closed (completed or dropped) for the same kind, unit and category, whatever its window: the cluster
    /// persists though its window, and with it the id, moves day by day. Once that item is closed, a hotspot still there
    /// is a new concern and is proposed again. A <see cref="HotspotKind.Seasonal"/> one is carried by its month's item.
    /// </summary>
    /// <param name="ledger">The ledger the proposals go to.</param>
    /// <param name="hotspots">The hotspots, for example from <see cref="RequestHotspots.Find"/>.</param>
    public static IReadOnlyList<Hotspot> NotOnLedger(Ledger.Ledger ledger, IEnumerable<Hotspot> hotspots)
    {
        Preconditions.CheckNotNull(ledger);
        Preconditions.CheckNotNull(hotspots);
        var open = new HashSet<string>(StringComparer.Ordinal); // concerns of the proactive items not closed
        foreach (var item in ledger.Items)
        {
            if (item.Origin == LedgerOrigin.Proactive && !item.IsTerminal)
            {
                open.Add(ConcernOf(item.Id.Value));
            }
        }

        var fresh = new List<Hotspot>();
        foreach (var h in hotspots)
        {
            Preconditions.CheckNotNull(h, nameof(hotspots));
            var id = IdOf(h);
            if (!ledger.TryGet(new LedgerItemId(id), out _) && (h.Kind == HotspotKind.Seasonal || !open.Contains(ConcernOf(id))))
            {
                fresh.Add(h);
            }
        }

        return fresh;
    }

    /// <summary>The 急难愁盼 class a hotspot is proposed with (see the remarks on <see cref="ProposeLedgerItems"/>).</summary>
    public static ConcernClass ClassOf(Hotspot hotspot) => Preconditions.CheckNotNull(hotspot).Kind switch
    {
        HotspotKind.Rising => ConcernClass.Urgent,
        HotspotKind.Seasonal => ConcernClass.Worrying,
        _ => hotspot.Level == UnitLevel.Community ? ConcernClass.Difficult : ConcernClass.Worrying,
    };

    private static string Title(Hotspot h) => h.Kind switch
    {
        HotspotKind.Recurring => $"未诉先办：{h.UnitName}「{h.Category}」诉求高发 / Proactive: recurring {h.Category} requests at {h.UnitName}",
        HotspotKind.Rising => $"未诉先办：{h.UnitName}「{h.Category}」诉求上升 / Proactive: rising {h.Category} requests at {h.UnitName}",
        _ => $"未诉先办：{h.UnitName}「{h.Category}」{Month(h.Window.Start)}季节性诉求 / Proactive: {h.Category} requests return at {h.UnitName} in {Month(h.Window.Start)}",
    };

    private static string Description(Hotspot h) =>
        $"{h.UnitName}的「{h.Category}」诉求{Pattern(h)}，建议在下一次投诉前主动处置。 / {h.Category} requests at {h.UnitName}: {PatternEn(h)}; act before the next complaint.";

    private static string Basis(Hotspot h) =>
        $"{KindZh(h.Kind)}：{Pattern(h)}。依据：{h.EvidenceText()} / {h.Kind}: {PatternEn(h)}. Evidence: {h.EvidenceText()}";

    private static string Pattern(Hotspot h) => h.Kind switch
    {
        HotspotKind.Recurring => $"在{Hotspot.Format(h.Window)}（{Days(h.Window)}天）内共{h.Count}件，达到{LevelZh(h.Level)}阈值{N(h.Threshold)}件",
        HotspotKind.Rising => $"在{Hotspot.Format(h.Window)}内共{h.Count}件，此前{h.Evidence.Count - 1}个同长周期平均{N(h.Baseline ?? 0)}件，达到上升标准{N(h.Threshold)}件",
        _ => $"往年同月共{h.Count}件（{h.Evidence.Count(e => e.Count >= h.Threshold)}年达到每年{N(h.Threshold)}件），预计{Month(h.Window.Start)}再次出现",
    };

    private static string PatternEn(Hotspot h) => h.Kind switch
    {
        HotspotKind.Recurring => $"{h.Count} in the {Days(h.Window)} days {Hotspot.Format(h.Window)}, at or above the {h.Level.ToString().ToLowerInvariant()} threshold of {N(h.Threshold)}",
        HotspotKind.Rising => $"{h.Count} in {Hotspot.Format(h.Window)} against an average of {N(h.Baseline ?? 0)} in the {h.Evidence.Count - 1} windows before, at or above the rising mark of {N(h.Threshold)}",
        _ => $"{h.Count} in the same month of earlier years ({h.Evidence.Count(e => e.Count >= h.Threshold)} years with at least {N(h.Threshold)}), expected again in {Month(h.Window.Start)}",
    };

    private static string KindZh(HotspotKind kind) => kind switch
    {
        HotspotKind.Recurring => "高发",
        HotspotKind.Rising => "上升",
        _ => "季节性复发",
    };

    private static string LevelZh(UnitLevel level) => level switch
    {
        UnitLevel.Building => "楼栋",
        UnitLevel.Grid => "网格",
        _ => "社区（村）",
    };

    /// <summary><c>proactive/{kind}/{unit}/{category}/{window start}</c>.</summary>
    private static string IdOf(Hotspot h) => $"proactive/{h.Kind.ToString().ToLowerInvariant()}/{h.Unit}/{h.Category}/{Date(h.Window.Start)}";

    /// <summary>An id without its window start: the concern, which a Recurring or Rising hotspot keeps as its window moves.</summary>
    private static string ConcernOf(string id) => id.LastIndexOf('/') is var cut and >= 0 ? id[..cut] : id;

    private static int Days(DateInterval window) => window.Length;

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Month(LocalDate date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
