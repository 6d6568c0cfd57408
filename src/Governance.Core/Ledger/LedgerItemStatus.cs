namespace Governance.Core.Ledger;

/// <summary>
/// Where a ledger item stands (declared in <see cref="LedgerLifecycle"/>). <see cref="Completed"/> and
/// <see cref="Dropped"/> are terminal, and an item reaches them only with a reply to residents and an outcome
/// (事事有回音，件件有着落).
/// </summary>
public enum LedgerItemStatus
{
    /// <summary>The superstate of every status on the ledger (open, in progress, replied); an item is never in it itself.</summary>
    OnLedger,

    /// <summary>Proposed (by staff or the proactive analysis), not yet accepted onto the ledger: no measures, responsible person or deadline yet.</summary>
    Proposed,

    /// <summary>On the ledger with a measure, a responsible person and a deadline; no progress noted yet, residents not yet answered.</summary>
    Open,

    /// <summary>Progress has been noted; residents not yet answered.</summary>
    InProgress,

    /// <summary>Residents have had a reply (答复); the outcome is still to come.</summary>
    Replied,

    /// <summary>The outcome (结果) is recorded after the reply. Terminal.</summary>
    Completed,

    /// <summary>Dropped with a reason, which residents are told (it is their reply and the outcome). Terminal.</summary>
    Dropped,
}
