namespace Governance.Core.Ledger;

/// <summary>Identifies an item of the ledger of pressing concerns (台账); compared ordinally.</summary>
/// <param name="Value">The id text.</param>
public readonly record struct LedgerItemId(string Value)
{
    /// <summary>Returns the id text.</summary>
    public override string ToString() => Value ?? string.Empty;
}
