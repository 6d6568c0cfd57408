using System.Diagnostics.CodeAnalysis;
using Governance.Core.Organization;
using Governance.Core.Requests;
using Governance.Core.Time;
using NodaTime;

namespace Governance.Core.Ledger;

/// <summary>
/// 台账: the ledger of residents' pressing concerns kept against a chart. It checks what an item refers to (the unit,
/// the household, the responsible staff member exist in the chart), answers queries, and reports unanswered and overdue
/// items per unit, rolled up the chart.
/// </summary>
/// <remarks>
/// Items are kept in the order they were added; ids are unique. The items are the same objects callers get back, so
/// commands go through <see cref="Execute"/> to be checked against the chart. Not thread-safe: one writer.
/// </remarks>
public sealed class Ledger
{
    private readonly List<LedgerItem> _items = [];
    private readonly Dictionary<LedgerItemId, LedgerItem> _byId = [];

    /// <summary>An empty ledger over <paramref name="chart"/>, deadlines in <paramref name="zone"/> (default: Asia/Shanghai, the default calendar's).</summary>
    public Ledger(Chart chart, DateTimeZone? zone = null)
    {
        Chart = Preconditions.CheckNotNull(chart);
        Zone = zone ?? WorkingCalendar.Default.Zone;
    }

    /// <summary>The chart that items' units, households and responsible people are checked against and reports roll up.</summary>
    public Chart Chart { get; }

    /// <summary>The zone whose local dates deadlines are.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Every item, in the order it was added.</summary>
    public IReadOnlyList<LedgerItem> Items => _items;

    /// <summary>Records a concern straight onto the ledger (see <see cref="LedgerItem.Open"/>).</summary>
    /// <exception cref="ArgumentException">The command is malformed, its id is already on the ledger, or its unit, household or responsible person is not in the chart.</exception>
    public LedgerItem Open(OpenLedgerItem command)
    {
        Preconditions.CheckNotNull(command);
        CheckNew(command.ItemId);
        CheckLocation(command.Location, command.ItemId);
        Preconditions.CheckArgument(Chart.TryGetStaffMember(command.Responsible, out _), nameof(command),
            $"Ledger item {command.ItemId}: the responsible person {command.Responsible} is not a staff member of the chart.");
        return Add(LedgerItem.Open(command, Zone));
    }

    /// <summary>Proposes a concern for the ledger (see <see cref="LedgerItem.Propose"/>); the proactive-handling analysis calls this.</summary>
    /// <exception cref="ArgumentException">The command is malformed, its id is already on the ledger, or its unit or household is not in the chart.</exception>
    public LedgerItem Propose(ProposeLedgerItem command)
    {
        Preconditions.CheckNotNull(command);
        CheckNew(command.ItemId);
        CheckLocation(command.Location, command.ItemId);
        return Add(LedgerItem.Propose(command, Zone));
    }

    /// <summary>Executes <paramref name="command"/> on the item <paramref name="id"/>; a new responsible person must be in the chart.</summary>
    /// <returns>The event, already applied.</returns>
    /// <exception cref="KeyNotFoundException">No item has that id.</exception>
    /// <exception cref="LedgerCommandException">The item refuses the command; nothing changes.</exception>
    public LedgerEvent Execute(LedgerItemId id, LedgerCommand command)
    {
        Preconditions.CheckNotNull(command);
        var item = Get(id);
        var responsible = command switch
        {
            AcceptLedgerItem a => a.Responsible,
            AssignResponsible r => r.Responsible,
            _ => (StaffId?)null,
        };
        var e = item.Decide(command);
        if (responsible is { } staff && !Chart.TryGetStaffMember(staff, out _))
        {
            throw new LedgerCommandException(id, item.Status, command.Trigger, $"{staff} is not a staff member of the chart");
        }

        item.Apply(e);
        return e;
    }

    /// <summary>The item with <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No item has that id.</exception>
    public LedgerItem Get(LedgerItemId id) =>
        _byId.TryGetValue(id, out var item) ? item : throw new KeyNotFoundException($"No ledger item {id}.");

    /// <summary>Finds the item with <paramref name="id"/>.</summary>
    public bool TryGet(LedgerItemId id, [NotNullWhen(true)] out LedgerItem? item) => _byId.TryGetValue(id, out item);

    /// <summary>Items at <paramref name="unit"/> or anywhere below it in the chart, in the ledger's order.</summary>
    /// <exception cref="KeyNotFoundException">The unit is not in the chart.</exception>
    public IReadOnlyList<LedgerItem> ItemsUnder(UnitId unit)
    {
        var ancestor = Chart.GetUnit(unit);
        return [.. _items.Where(i => Chart.IsWithin(Chart.GetUnit(i.Location.Unit), ancestor))];
    }

    /// <summary>Items that <paramref name="request"/> is linked to, in the ledger's order.</summary>
    public IReadOnlyList<LedgerItem> LinkedTo(RequestId request) => [.. _items.Where(i => i.LinkedRequests.Contains(request))];

    /// <summary>Items on the ledger at <paramref name="asOf"/> whose residents had no reply yet (as the report counts them).</summary>
    public IReadOnlyList<LedgerItem> Unanswered(Instant asOf) =>
        [.. _items.Where(i => i.AsOf(asOf) is { } then && then.IsUnansweredAt(asOf))];

    /// <summary>Items past their deadline at <paramref name="asOf"/> without an outcome (as the report counts them).</summary>
    public IReadOnlyList<LedgerItem> Overdue(Instant asOf) =>
        [.. _items.Where(i => i.AsOf(asOf) is { } then && then.IsOverdueAt(asOf))];

    /// <summary>
    /// The report at <paramref name="asOf"/>: each item as it stood then (events after it ignored), unanswered and
    /// overdue items, figures per unit rolled up the chart, and counts by class and status.
    /// </summary>
    public LedgerReport Report(Instant asOf)
    {
        var unanswered = new List<LedgerItemId>();
        var overdue = new List<LedgerItemId>();
        var byUnit = new Dictionary<UnitId, LedgerFigures>();
        var byClass = Enum.GetValues<ConcernClass>().ToDictionary(c => c, _ => 0);
        var byStatus = Enum.GetValues<LedgerItemStatus>().Where(s => s != LedgerItemStatus.OnLedger).ToDictionary(s => s, _ => 0);
        var total = 0;
        foreach (var item in _items)
        {
            if (item.AsOf(asOf) is not { } then)
            {
                continue;
            }

            total++;
            byClass[then.Class]++;
            byStatus[then.Status]++;
            var isUnanswered = then.IsUnansweredAt(asOf);
            var isOverdue = then.IsOverdueAt(asOf);
            if (isUnanswered)
            {
                unanswered.Add(then.Id);
            }

            if (isOverdue)
            {
                overdue.Add(then.Id);
            }

            var unit = Chart.GetUnit(then.Location.Unit);
            Count(unit.Id);
            foreach (var ancestor in Chart.AncestorsOf(unit))
            {
                Count(ancestor.Id);
            }

            void Count(UnitId id) =>
                byUnit[id] = byUnit.GetValueOrDefault(id).Add(isUnanswered, isOverdue, then.IsTerminal);
        }

        return new LedgerReport(asOf, asOf.InZone(Zone).Date, unanswered, overdue, byUnit, byClass, byStatus, total);
    }

    /// <summary>
    /// Rebuilds a ledger from the events of all its items, interleaved in any order that keeps each item's own order.
    /// </summary>
    /// <exception cref="DataValidationException">
    /// An item's log is wrong (see <see cref="LedgerItem.Replay"/>), an item starts twice, or refers to a unit, household or
    /// staff member not in the chart; the error names the event's position in <paramref name="events"/> (<c>$[3]</c>).
    /// </exception>
    public static Ledger Replay(Chart chart, IEnumerable<LedgerEvent> events, DateTimeZone? zone = null)
    {
        Preconditions.CheckNotNull(events);
        var ledger = new Ledger(chart, zone);
        var position = 0;
        foreach (var e in events)
        {
            try
            {
                Preconditions.CheckArgument(e is not null, nameof(events), "the event is null");
                if (e.Trigger is null)
                {
                    ledger.CheckNew(e.ItemId);
                    var started = LedgerItem.StartFrom(e, ledger.Zone);
                    ledger.CheckLocation(started.Location, e.ItemId);
                    ledger.Add(started);
                }
                else
                {
                    Preconditions.CheckArgument(ledger._byId.TryGetValue(e.ItemId, out var item), nameof(events),
                        $"ledger item {e.ItemId} has not been opened or proposed before this event");
                    item.Apply(e);
                }

                var responsible = e switch
                {
                    LedgerItemOpened o => o.Responsible,
                    LedgerItemAccepted a => a.Responsible,
                    ResponsibleAssigned r => r.Responsible,
                    _ => (StaffId?)null,
                };
                if (responsible is { } staff)
                {
                    Preconditions.CheckArgument(chart.TryGetStaffMember(staff, out _), nameof(events), $"{staff} is not a staff member of the chart");
                }
            }
            catch (Exception refused) when (refused is LedgerCommandException or ArgumentException)
            {
                throw new DataValidationException("ledger event log", [new DataError($"$[{position}]", e?.ItemId.Value, refused.Message)]);
            }

            position++;
        }

        return ledger;
    }

    private LedgerItem Add(LedgerItem item)
    {
        _items.Add(item);
        _byId.Add(item.Id, item);
        return item;
    }

    private void CheckNew(LedgerItemId id) =>
        Preconditions.CheckArgument(!_byId.ContainsKey(id), nameof(id), $"Ledger item {id} is already on the ledger.");

    private void CheckLocation(RequestLocation location, LedgerItemId id)
    {
        Preconditions.CheckArgument(Chart.TryGetUnit(location.Unit, out var unit), nameof(location), $"Ledger item {id}: unit {location.Unit} is not in the chart.");
        if (location.Household is { } householdId)
        {
            Preconditions.CheckArgument(Chart.TryGetHousehold(householdId, out var household), nameof(location), $"Ledger item {id}: household {householdId} is not in the chart.");
            Preconditions.CheckArgument(Chart.BuildingOf(household) == unit, nameof(location), $"Ledger item {id}: household {householdId} is not in building {location.Unit}; a household's location names its building.");
        }
    }
}
