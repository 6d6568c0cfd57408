namespace Governance.Core.Ledger;

/// <summary>How an item came onto the ledger; kept so reports can tell collected, complained and proactive items apart.</summary>
public enum LedgerOrigin
{
    /// <summary>Collected by hand: staff gathered it from residents (for example while handing out service calendars).</summary>
    Collected,

    /// <summary>From a resident's request (诉求); the item names at least that request among its linked requests.</summary>
    Request,

    /// <summary>Proposed by the proactive-handling analysis (未诉先办) from patterns in requests, before anyone complains.</summary>
    Proactive,
}
