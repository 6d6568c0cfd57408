namespace Governance.Core.Ledger;

/// <summary>What can happen to a ledger item after it is opened or proposed; each command fires one trigger (see <see cref="LedgerLifecycle"/>).</summary>
public enum LedgerTrigger
{
    /// <summary>A proposed item is accepted onto the ledger with a measure, a responsible person and a deadline.</summary>
    Accept,

    /// <summary>A measure (措施) is added to the plan.</summary>
    AddMeasure,

    /// <summary>Progress is noted; the first note moves an open item to in progress.</summary>
    NoteProgress,

    /// <summary>A resident's request is linked to the item.</summary>
    LinkRequest,

    /// <summary>Another staff member becomes the responsible person (责任人), with a reason.</summary>
    AssignResponsible,

    /// <summary>The deadline (完成时限) is moved, with a reason.</summary>
    MoveDeadline,

    /// <summary>Residents are given a reply (答复).</summary>
    Reply,

    /// <summary>The outcome (结果) is recorded; allowed only after the reply.</summary>
    Complete,

    /// <summary>The item is dropped with a reason that residents are told.</summary>
    Drop,
}
