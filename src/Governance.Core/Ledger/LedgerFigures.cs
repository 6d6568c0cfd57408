namespace Governance.Core.Ledger;

/// <summary>The figures of a ledger report for one unit, counting the items at the unit and everywhere below it.</summary>
/// <param name="Items">Items that existed at the report's instant, proposed and closed ones included.</param>
/// <param name="Unanswered">Items on the ledger whose residents had no reply yet.</param>
/// <param name="Overdue">Items past their deadline (the day after it, in the ledger's zone) without an outcome.</param>
/// <param name="Closed">Items completed or dropped: each with a reply and an outcome.</param>
public readonly record struct LedgerFigures(int Items, int Unanswered, int Overdue, int Closed)
{
    /// <summary>No items.</summary>
    public static LedgerFigures None => default;

    internal LedgerFigures Add(bool unanswered, bool overdue, bool closed) =>
        new(Items + 1, Unanswered + (unanswered ? 1 : 0), Overdue + (overdue ? 1 : 0), Closed + (closed ? 1 : 0));
}
