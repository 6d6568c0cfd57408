using Governance.Core.Organization;
using NodaTime;

namespace Governance.Core.Ledger;

/// <summary>
/// The ledger as it stood at <see cref="AsOf"/>: the items whose residents had no reply, the items overdue, figures per
/// unit rolled up the chart (an item at a building counts for its grid, community, street-level unit and district),
/// and counts by class and status. Built by <see cref="Ledger.Report"/>; immutable.
/// </summary>
public sealed class LedgerReport
{
    internal LedgerReport(
        Instant asOf, LocalDate today, IReadOnlyList<LedgerItemId> unanswered, IReadOnlyList<LedgerItemId> overdue,
        IReadOnlyDictionary<UnitId, LedgerFigures> byUnit, IReadOnlyDictionary<ConcernClass, int> byClass,
        IReadOnlyDictionary<LedgerItemStatus, int> byStatus, int total)
    {
        AsOf = asOf;
        Today = today;
        Unanswered = unanswered;
        Overdue = overdue;
        ByUnit = byUnit;
        ByClass = byClass;
        ByStatus = byStatus;
        Total = total;
    }

    /// <summary>The instant the report describes; events after it are ignored.</summary>
    public Instant AsOf { get; }

    /// <summary>The local date of <see cref="AsOf"/> in the ledger's zone; items whose deadline is before it are overdue.</summary>
    public LocalDate Today { get; }

    /// <summary>Items on the ledger at <see cref="AsOf"/> whose residents had no reply yet, in the ledger's order.</summary>
    public IReadOnlyList<LedgerItemId> Unanswered { get; }

    /// <summary>Items without an outcome at <see cref="AsOf"/> whose deadline was before <see cref="Today"/>, in the ledger's order.</summary>
    public IReadOnlyList<LedgerItemId> Overdue { get; }

    /// <summary>Figures for every unit that has an item at or below it; a unit with none is absent (see <see cref="For"/>).</summary>
    public IReadOnlyDictionary<UnitId, LedgerFigures> ByUnit { get; }

    /// <summary>Items by 急难愁盼 class; every class is present, with 0 when it has none.</summary>
    public IReadOnlyDictionary<ConcernClass, int> ByClass { get; }

    /// <summary>Items by status at <see cref="AsOf"/>; every status an item can be in is present, with 0 when none is.</summary>
    public IReadOnlyDictionary<LedgerItemStatus, int> ByStatus { get; }

    /// <summary>Items that existed at <see cref="AsOf"/>.</summary>
    public int Total { get; }

    /// <summary>The figures for <paramref name="unit"/> and everything below it; <see cref="LedgerFigures.None"/> when it has no item.</summary>
    public LedgerFigures For(UnitId unit) => ByUnit.TryGetValue(unit, out var figures) ? figures : LedgerFigures.None;
}
